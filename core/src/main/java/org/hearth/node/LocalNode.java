package org.hearth.node;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.hearth.config.DataDir;

/**
 * The embedded anvil for one data dir: launch on a free loopback port with persistent state and
 * interval mining, find an already running one, stop it. The process outlives the JVM that started
 * it (so {@code hearth node start} can return); {@code chain/node.json} is how it is found again.
 */
public final class LocalNode {

    private static final int LOG_TAIL_BYTES = 64 * 1024;
    private static final long LOG_ROTATE_BYTES = 10L * 1024 * 1024;
    /** anvil logs every RPC method it serves on a line of its own; status polling would bury the rest. */
    private static final java.util.regex.Pattern RPC_METHOD_LINE = java.util.regex.Pattern.compile("\\s*(eth|net|web3|anvil|evm)_\\w+\\s*");

    private final Path chainDir;
    private final Path anvil;
    private final LocalNodeConfig config;

    public LocalNode(DataDir dataDir, Path anvil, LocalNodeConfig config) {
        this.chainDir = dataDir.ensureExists().chainDir();
        this.anvil = anvil;
        this.config = config;
    }

    public Path stateFile() {
        return chainDir.resolve("state.json");
    }

    public Path logFile() {
        return chainDir.resolve("anvil.log");
    }

    /** The node recorded for this data dir, if its process is alive and is anvil. */
    public Optional<NodeRecord> running() {
        return NodeRecord.read(chainDir).filter(r -> isAnvil(r.pid()));
    }

    /** Returns the running node, or launches one and waits until it answers {@code eth_chainId}. */
    public synchronized NodeRecord start() {
        Optional<NodeRecord> existing = running().filter(r -> answers(r.rpcUrl()));
        if (existing.isPresent()) {
            return existing.get();
        }
        NodeRecord.delete(chainDir);
        int port = freePort();
        Process process = launch(port);
        URI url = URI.create("http://127.0.0.1:" + port);
        NodeRecord record = new NodeRecord(process.pid(), port, url, Instant.now());
        awaitReady(process, url);
        record.write(chainDir);
        return record;
    }

    /** Stops the recorded node: SIGTERM first (anvil then writes its state), a kill after {@code grace}. */
    public synchronized boolean stop(Duration grace) {
        Optional<NodeRecord> record = running();
        NodeRecord.delete(chainDir);
        if (record.isEmpty()) {
            return false;
        }
        ProcessHandle handle = ProcessHandle.of(record.get().pid()).orElse(null);
        if (handle == null) {
            return false;
        }
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception timeoutOrInterrupt) {
            handle.destroyForcibly();
        }
        return true;
    }

    /** The last {@code lines} lines anvil printed (from its log file, so also for detached nodes). */
    public List<String> logTail(int lines) {
        Path log = logFile();
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(0, length - LOG_TAIL_BYTES);
            byte[] buffer = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(buffer);
            List<String> all = Arrays.asList(new String(buffer, StandardCharsets.UTF_8).split("\\R"));
            List<String> nonEmpty = new ArrayList<>(all.stream()
                    .filter(l -> !l.isBlank() && !RPC_METHOD_LINE.matcher(l).matches()).toList());
            return List.copyOf(nonEmpty.subList(Math.max(0, nonEmpty.size() - lines), nonEmpty.size()));
        } catch (IOException e) {
            return List.of("(cannot read " + log.getFileName() + ": " + e.getMessage() + ")");
        }
    }

    private Process launch(int port) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid"); // own session: a Ctrl+C in the CLI's terminal must not reach it
        }
        command.addAll(List.of(anvil.toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--state", stateFile().toString(), "--state-interval", Integer.toString(config.stateIntervalSeconds()),
                "--block-time", Integer.toString(config.blockTimeSeconds())));
        try {
            rotateLog();
            Files.writeString(logFile(), "--- hearth: starting anvil on 127.0.0.1:" + port + " at " + Instant.now() + System.lineSeparator(),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
        } catch (IOException e) {
            throw new NodeException("node.cannotStart", new Object[] {anvil, e.getMessage()}, e);
        }
    }

    /** Keeps one previous log; anvil appends a line for every request it serves. */
    private void rotateLog() throws IOException {
        Path log = logFile();
        if (Files.isRegularFile(log) && Files.size(log) > LOG_ROTATE_BYTES) {
            Files.move(log, chainDir.resolve("anvil.log.1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void awaitReady(Process process, URI url) {
        RpcClient rpc = new RpcClient(url, new RpcClient.Options(Duration.ofMillis(500), Duration.ofSeconds(2), 1 << 20, 0, Duration.ZERO));
        long deadline = System.nanoTime() + config.startTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new NodeException("anvil exited during start-up (exit code " + process.exitValue() + "). Last log lines:\n"
                        + String.join("\n", logTail(8)));
            }
            try {
                rpc.chainId();
                return;
            } catch (RpcException e) {
                sleep(100);
            }
        }
        process.destroyForcibly();
        throw new NodeException("node.noAnswer", new Object[] {url, config.startTimeout().toSeconds()}, null);
    }

    static boolean answers(URI url) {
        try {
            new RpcClient(url, new RpcClient.Options(Duration.ofMillis(500), Duration.ofSeconds(2), 1 << 20, 0, Duration.ZERO)).chainId();
            return true;
        } catch (RpcException e) {
            return false;
        }
    }

    /** Guards against a recycled pid: the process must still be an anvil. */
    static boolean isAnvil(long pid) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .flatMap(h -> h.info().command())
                .map(cmd -> Path.of(cmd).getFileName().toString().startsWith("anvil"))
                .orElse(false);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new NodeException("No free loopback port for the local node: " + e.getMessage(), e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").toLowerCase().contains("win") ? "NUL" : "/dev/null");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeException("Interrupted while waiting for anvil");
        }
    }
}
