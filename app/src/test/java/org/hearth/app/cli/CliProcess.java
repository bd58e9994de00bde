package org.hearth.app.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.hearth.node.AnvilLocator;

/**
 * Runs the real {@code hearth} CLI as a child JVM (headless, JavaFX left off the class path, as
 * {@code ./hearth} does on a server), so that everything the program prints is captured: its own
 * output, log lines and any stack trace the JVM writes, which an in-process run would not see.
 */
final class CliProcess {

    private CliProcess() {
    }

    /** {@code hearth --data-dir DIR ARGS...}; stdout and stderr are kept apart, stdin is empty. */
    static Cli.Run run(Path dataDir, String... args) throws IOException, InterruptedException {
        List<String> command = command(dataDir, args);
        Path out = Files.createTempFile("hearth-cli", ".out");
        Path err = Files.createTempFile("hearth-cli", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close(); // stdin at end: a command that asks would read nothing, not hang
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("hearth " + String.join(" ", args) + " did not finish in 180 s");
            }
            return new Cli.Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * Starts {@code hearth --data-dir DIR ARGS...} without waiting, stdout and stderr to the given files, with the
     * Vector API module that {@code ./hearth} adds (the provider's gemm check uses it; the JVM notes it on stderr).
     */
    static Process start(Path dataDir, Path out, Path err, String... args) throws IOException {
        List<String> command = command(dataDir, args);
        command.addAll(1, List.of("--add-modules", "jdk.incubator.vector"));
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        return p;
    }

    private static List<String> command(Path dataDir, String... args) {
        LocalNodesAtExit.remember(dataDir);
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.contains("javafx") && !p.contains("openjfx") && !p.contains("testfx"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true",
                "-D" + AnvilLocator.PROPERTY + "=" + System.getProperty(AnvilLocator.PROPERTY),
                "-cp", classpath, "org.hearth.app.Main", "--data-dir", dataDir.toString()));
        command.addAll(List.of(args));
        return command;
    }
}
