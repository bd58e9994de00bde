package org.hearth.app.desktop;

import java.net.URI;
import java.nio.file.Path;
import javafx.application.Application;

/** Starts the JavaFX application; called by name from the CLI root so the CLI never loads JavaFX. */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    public static void launch(Path dataDir, URI rpc) {
        HearthApplication.options = new LaunchOptions(dataDir, rpc);
        EarlyServices.start(HearthApplication.options);
        Application.launch(HearthApplication.class);
    }
}
