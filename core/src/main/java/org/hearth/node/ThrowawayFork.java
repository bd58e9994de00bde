package org.hearth.node;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;

/**
 * A throwaway anvil fork of an endpoint, on a free loopback port, for simulating transactions and
 * proposals: it reads lazily from its source (which must stay reachable while it runs), holds no
 * state file, keeps no log, and is always stopped by {@link #close()}. Its base fee is zero so that
 * calls sent as an impersonated account move no ether for gas.
 *
 * <p>The source URL never goes on anvil's command line, where any local user can read it (an RPC URL
 * often carries an API key in its path or query, and anvil reads {@code --fork-url} from no environment
 * variable or file): anvil starts empty and is pointed at the source through its own loopback RPC
 * ({@code anvil_reset} with {@code forking.jsonRpcUrl}). Errors name the source redacted.
 */
public final class ThrowawayFork implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final RpcClient rpc;

    private ThrowawayFork(Process process, RpcClient rpc) {
        this.process = process;
        this.rpc = rpc;
    }

    /** Forks {@code source} at its latest block with the anvil Hearth ships. */
    public static ThrowawayFork of(URI source) {
        return of(AnvilLocator.locate(), source);
    }

    static ThrowawayFork of(Path anvil, URI source) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(anvil.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--accounts", "0", "--block-base-fee-per-gas", "0", "--disable-min-priority-fee", "--silent"));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(isWindows() ? "NUL" : "/dev/null"))).start();
        } catch (IOException e) {
            throw new NodeException("node.cannotStart", new Object[] {anvil, e.getMessage()}, e);
        }
        URI url = URI.create("http://127.0.0.1:" + port);
        RpcClient rpc = new RpcClient(url, new RpcClient.Options(Duration.ofSeconds(2), Duration.ofSeconds(60), 32 << 20, 0, Duration.ZERO));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new NodeException("node.forkFailed", new Object[] {org.hearth.chain.RpcClient.redact(source), process.exitValue()}, null);
            }
            try {
                rpc.chainId();
            } catch (RpcException e) {
                sleep();
                continue;
            }
            try {
                rpc.call("anvil_reset", java.util.Map.of("forking", java.util.Map.of("jsonRpcUrl", source.toString())));
                return new ThrowawayFork(process, rpc);
            } catch (RpcException e) { // the node's message may quote the URL: it is not passed on
                stop(process);
                throw new NodeException("node.forkSourceFailed", new Object[] {org.hearth.chain.RpcClient.redact(source)}, null);
            }
        }
        stop(process);
        throw new NodeException("node.noAnswer", new Object[] {url, START_TIMEOUT.toSeconds()}, null);
    }

    public RpcClient rpc() {
        return rpc;
    }

    /** The fork's process id (tests check that it is gone after {@link #close()}). */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        stop(process);
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new NodeException("No free loopback port for a throwaway fork: " + e.getMessage(), e);
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeException("Interrupted while a fork started", e);
        }
    }
}
