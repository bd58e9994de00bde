package org.hearth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.hearth.node.AnvilLocator;

/**
 * A bare anvil on a free loopback port with a chosen chain id (automine), for tests that need
 * several nodes of one chain: {@link #copyStateTo} loads this node's state into another, and
 * {@link #kill} ends it at once, as a crashed or unplugged node. Shared with app's tests.
 */
public final class AnvilProcess implements AutoCloseable {

    private final Process process;
    private final URI url;

    private AnvilProcess(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    public static AnvilProcess start(long chainId, Path logFile) {
        int port = freePort();
        try {
            Process p = new ProcessBuilder(List.of(AnvilLocator.locate().toString(), "--host", "127.0.0.1", "--port", String.valueOf(port),
                    "--chain-id", String.valueOf(chainId)))
                    .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            AnvilProcess anvil = new AnvilProcess(p, URI.create("http://127.0.0.1:" + port));
            anvil.awaitReady();
            return anvil;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return url;
    }

    /** Loads this node's whole state (accounts, balances, code, blocks) into {@code other}. */
    public void copyStateTo(AnvilProcess other) {
        try (RpcClient from = new RpcClient(url); RpcClient to = new RpcClient(other.url)) {
            String state = from.call("anvil_dumpState").asText();
            to.call("anvil_loadState", state);
        }
    }

    /** Ends the node at once (SIGKILL). */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (RpcClient rpc = new RpcClient(url, new RpcClient.Options(Duration.ofMillis(300), Duration.ofSeconds(2), 1 << 16, 0, Duration.ZERO))) {
            while (true) {
                try {
                    rpc.chainId();
                    return;
                } catch (RpcException e) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        kill();
                        throw new IllegalStateException("anvil did not start on " + url + ": " + e.getMessage());
                    }
                    Thread.sleep(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
