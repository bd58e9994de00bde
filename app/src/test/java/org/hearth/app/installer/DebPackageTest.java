package org.hearth.app.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package, end to end: installer/build-deb.sh builds it from the packaged program (this runs in
 * Maven's integration-test phase, after the jar is made), {@code dpkg -i} installs it, the installed
 * launcher answers {@code --version} and {@code node status}, the app-image it was made from still
 * runs, and {@code dpkg -r} removes it. Installing needs root (CI runs as root).
 */
class DebPackageTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path INSTALLED = Path.of("/opt/hearth/bin/Hearth");

    record Run(int exit, String output) {
    }

    @Test
    void debInstallsRunsTheCliAndUninstalls(@TempDir Path dataDir) throws Exception {
        if (!"0".equals(run(List.of("id", "-u"), 10).output().trim())) {
            fail("The .deb test installs with dpkg -i and needs root (CI runs as root); run ./run-tests as root.");
        }
        assertTrue(Files.isRegularFile(ROOT.resolve("app/target/hearth-app.jar")),
                "app/target/hearth-app.jar is missing: this test runs after `package` (mvn verify)");
        // Fast compression for the test; a release keeps dpkg-deb's default (xz).
        Run build = run(List.of(ROOT.resolve("installer/build-deb.sh").toString(), "--no-build"), 1200,
                Map.of("DPKG_DEB_COMPRESSOR_TYPE", "gzip", "DPKG_DEB_COMPRESSOR_LEVEL", "1"));
        assertEquals(0, build.exit(), build.output());
        Path deb;
        try (Stream<Path> files = Files.list(ROOT.resolve("installer/target"))) {
            deb = files.filter(p -> p.getFileName().toString().matches("hearth_.*_amd64\\.deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no .deb in installer/target:\n" + build.output()));
        }

        Run appImage = run(List.of(ROOT.resolve("installer/target/Hearth/bin/Hearth").toString(), "--version"), 120);
        assertEquals(0, appImage.exit(), appImage.output());
        assertTrue(appImage.output().contains("Hearth 0.1.0"), appImage.output());

        Run install = run(List.of("dpkg", "-i", deb.toString()), 300);
        assertEquals(0, install.exit(), install.output());
        try {
            Run version = run(List.of(INSTALLED.toString(), "--version"), 120);
            assertEquals(0, version.exit(), version.output());
            assertTrue(version.output().contains("Hearth 0.1.0"), version.output());

            Run status = run(List.of(INSTALLED.toString(), "--data-dir", dataDir.toString(), "node", "status"), 120);
            assertEquals(3, status.exit(), "node status of a stopped node exits 3:\n" + status.output());
            assertTrue(status.output().contains("state:    stopped"), status.output());
            assertTrue(status.output().contains(dataDir.toString()), status.output());
        } finally {
            Run remove = run(List.of("dpkg", "-r", "hearth"), 300);
            assertEquals(0, remove.exit(), remove.output());
        }
        assertFalse(Files.exists(INSTALLED), "dpkg -r left " + INSTALLED);
        Run state = run(List.of("dpkg-query", "-W", "-f=${Status}", "hearth"), 30);
        assertFalse(state.output().contains("install ok installed"), "dpkg still has hearth installed: " + state.output());
        run(List.of("dpkg", "-P", "hearth"), 120); // forget the package entirely, so that a rerun starts clean
    }

    private static Run run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        return run(command, timeoutSeconds, Map.of());
    }

    private static Run run(List<String> command, long timeoutSeconds, Map<String, String> env) throws IOException, InterruptedException {
        Path log = Files.createTempFile("hearth-deb", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n" + Files.readString(log));
            }
            return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
