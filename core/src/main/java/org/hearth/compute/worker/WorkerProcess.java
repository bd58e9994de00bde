package org.hearth.compute.worker;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hearth.compute.opencl.OpenClLibraryShim;

/**
 * One worker child JVM: the same java binary and class path as this process, with native access and
 * the Vector API enabled. Frames from it go to a callback on a reader thread; its stderr is kept as a
 * short tail for crash reports.
 */
final class WorkerProcess {

    private static final int STDERR_LINES = 40;
    /** Pipe buffers are 4 KiB (Windows) to 64 KiB (Linux, macOS); FrameCodec writes 1 MiB slices. */
    private static final int PROOF_OF_READING = 512 << 10;

    private final Process process;
    private final FrameCodec codec;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    /** When the child last sent bytes or consumed a large slice of ours: a child busy reading a big job is not hung. */
    private volatile long lastTraffic = System.nanoTime();

    private WorkerProcess(Process process) {
        this.process = process;
        InputStream in = new FilterInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                lastTraffic = System.nanoTime();
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                lastTraffic = System.nanoTime();
                return n;
            }
        };
        OutputStream out = new FilterOutputStream(process.getOutputStream()) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                // Only a write larger than any pipe buffer proves that the child is reading.
                if (len >= PROOF_OF_READING) {
                    lastTraffic = System.nanoTime();
                }
            }
        };
        this.codec = new FrameCodec(in, out);
    }

    long lastTrafficNanos() {
        return lastTraffic;
    }

    /**
     * Starts the child; {@code onFrame} gets each frame, {@code onBroken} the reason the stream became
     * unreadable (a malformed frame). Neither is called after the process ends.
     */
    static WorkerProcess start(WorkerOptions options, Consumer<Frame> onFrame, Consumer<String> onBroken) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(options));
        Map<String, String> env = pb.environment();
        // The class path goes by environment, not argument: Windows caps a command line at 32K characters.
        env.put("CLASSPATH", System.getProperty("java.class.path"));
        Path shim = OpenClLibraryShim.directoryIfNeeded();
        if (shim != null) {
            String old = env.get("LD_LIBRARY_PATH");
            env.put("LD_LIBRARY_PATH", shim + (old == null || old.isEmpty() ? "" : ":" + old));
        }
        if (options.maxThreads() > 0) {
            env.put("POCL_MAX_PTHREAD_COUNT", Integer.toString(options.maxThreads()));
            env.put("POCL_CPU_MAX_CU_COUNT", Integer.toString(options.maxThreads()));
        }
        WorkerProcess wp = new WorkerProcess(pb.start());
        wp.startThreads(onFrame, onBroken);
        return wp;
    }

    static List<String> command(WorkerOptions options) {
        String self = ProcessHandle.current().info().command().orElse(null);
        Path runtimeJava = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        if (self != null && !isJava(self) && java.nio.file.Files.isExecutable(runtimeJava)) {
            self = runtimeJava.toString(); // a packaged app whose runtime kept its java binary: start that directly
        }
        List<String> cmd = new ArrayList<>();
        if (self != null && !isJava(self)) {
            // A jpackage launcher: the JVM flags come from its configuration, the class path too.
            cmd.add(self);
            cmd.add(WorkerMain.LAUNCHER_ARGUMENT);
        } else {
            String java = self != null ? self : Path.of(System.getProperty("java.home"), "bin", "java").toString();
            cmd.addAll(List.of(java, "--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector",
                    "-XX:+UseParallelGC", "-Dhearth.worker=true"));
            if (options.maxThreads() > 0) {
                cmd.add("-XX:ActiveProcessorCount=" + options.maxThreads());
            }
            cmd.add(WorkerMain.class.getName());
        }
        cmd.addAll(options.toArgs());
        return cmd;
    }

    private static boolean isJava(String command) {
        return Path.of(command).getFileName().toString().matches("java(w)?(\\.exe)?");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().contains("win");
    }

    private void startThreads(Consumer<Frame> onFrame, Consumer<String> onBroken) {
        Thread reader = new Thread(() -> {
            try {
                Frame f;
                while ((f = codec.read()) != null) {
                    onFrame.accept(f);
                }
            } catch (ProtocolException e) {
                if (process.isAlive()) {
                    onBroken.accept(e.getMessage());
                }
            } catch (IOException e) {
                // The pipe closed: the process ended, and the exit watcher reports it.
            }
        }, "hearth-worker-reader-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        Thread errors = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (stderrTail) {
                        if (stderrTail.size() == STDERR_LINES) {
                            stderrTail.removeFirst();
                        }
                        stderrTail.addLast(line.length() > 500 ? line.substring(0, 500) + "…" : line);
                    }
                }
            } catch (IOException e) {
                // Process gone.
            }
        }, "hearth-worker-stderr-" + process.pid());
        errors.setDaemon(true);
        errors.start();
    }

    void send(Frame frame) throws IOException {
        codec.write(frame);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Process process() {
        return process;
    }

    void kill() {
        process.destroyForcibly();
    }

    String stderrTail(int lines) {
        synchronized (stderrTail) {
            List<String> all = new ArrayList<>(stderrTail);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
    }
}
