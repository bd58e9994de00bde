package org.hearth.node;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the anvil binary: the {@code hearth.anvil} system property (set by the launcher, the tests
 * and the packaged app), then {@code HEARTH_ANVIL}, then the PATH.
 */
public final class AnvilLocator {

    public static final String PROPERTY = "hearth.anvil";
    public static final String ENV_VAR = "HEARTH_ANVIL";

    private AnvilLocator() {
    }

    public static Path locate() {
        return find(System.getProperty(PROPERTY), System.getenv()).orElseThrow(() -> new NodeException(
                "node.anvilMissing", new Object[] {ENV_VAR}, null));
    }

    static Optional<Path> find(String property, Map<String, String> env) {
        for (String candidate : new String[] {property, env.get(ENV_VAR)}) {
            if (candidate != null && !candidate.isBlank()) {
                Path path = Path.of(candidate);
                if (Files.isExecutable(path)) {
                    return Optional.of(path.toAbsolutePath());
                }
                throw new NodeException("node.anvilNotExecutable", new Object[] {path}, null);
            }
        }
        String pathVar = env.getOrDefault("PATH", "");
        String exe = System.getProperty("os.name", "").toLowerCase().contains("win") ? "anvil.exe" : "anvil";
        for (String dir : pathVar.split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, exe))) {
                return Optional.of(Path.of(dir, exe).toAbsolutePath());
            }
        }
        return Optional.empty();
    }
}
