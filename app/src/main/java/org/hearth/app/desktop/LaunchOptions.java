package org.hearth.app.desktop;

import java.net.URI;
import java.nio.file.Path;

/** What the command line asked of the desktop app; {@code null} fields mean "the default". */
public record LaunchOptions(Path dataDir, URI rpc) {
}
