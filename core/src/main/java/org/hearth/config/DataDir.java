package org.hearth.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Hearth keeps its files. Resolution order: an explicit path (the {@code --data-dir} option),
 * the {@code HEARTH_HOME} environment variable, then the OS convention (XDG on Linux).
 */
public record DataDir(Path root) {

    public static final String ENV_VAR = "HEARTH_HOME";

    public DataDir {
        root = root.toAbsolutePath().normalize();
    }

    /** Resolves the data dir; {@code explicit} may be null. */
    public static DataDir resolve(Path explicit, Map<String, String> env, String osName, Path userHome) {
        if (explicit != null) {
            return new DataDir(explicit);
        }
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new DataDir(Path.of(fromEnv));
        }
        return new DataDir(conventional(env, osName.toLowerCase(Locale.ROOT), userHome));
    }

    public static DataDir resolve(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
    }

    private static Path conventional(Map<String, String> env, String os, Path home) {
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "Hearth") : home.resolve("AppData/Roaming/Hearth");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/Hearth");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local/share");
        return base.resolve("hearth");
    }

    public Path chainDir() {
        return root.resolve("chain");
    }

    public Path databaseFile() {
        return root.resolve("hearth.db");
    }

    /** Creates the directory tree if needed and returns this. */
    public DataDir ensureExists() {
        try {
            Files.createDirectories(chainDir());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + root + ": " + e.getMessage(), e);
        }
    }
}
