package org.hearth.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import org.hearth.testing.DevTx;
import org.hearth.testing.RpcProxy;
import org.hearth.testing.TestChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A throwaway fork reads its source's state, and the source URL (with the API key in its path) never shows in anvil's arguments. */
class ThrowawayForkTest {

    private static final String KEY = "not-a-real-api-key-1234";

    @TempDir
    Path dir;

    @Test
    void theForkReadsTheSourceButItsUrlIsNotOnTheCommandLine() throws Exception {
        try (TestChain chain = TestChain.start(dir.resolve("chain"), 3600);
             RpcProxy provider = new RpcProxy(chain.rpc().endpoint(), (method, id) -> null)) { // answers on any path, like a keyed provider
            new DevTx(chain.rpc()).send(DevTx.ACCOUNTS[0], DevTx.ACCOUNTS[5], BigInteger.valueOf(123_456_789), null);
            URI keyed = URI.create(provider.url().toString().replaceAll("/$", "") + "/v3/" + KEY);
            long pid;
            try (ThrowawayFork fork = ThrowawayFork.of(keyed)) {
                pid = fork.pid();
                String args = ProcessHandle.of(pid).flatMap(h -> h.info().arguments()).map(a -> String.join(" ", a)).orElseThrow();
                assertFalse(args.contains(KEY), args);
                assertFalse(args.contains(Integer.toString(provider.url().getPort())), args);
                assertEquals(chain.rpc().blockNumber(), fork.rpc().blockNumber(), "forked at the source's head");
                assertEquals(chain.rpc().callQuantity("eth_getBalance", DevTx.ACCOUNTS[5], "latest"),
                        fork.rpc().callQuantity("eth_getBalance", DevTx.ACCOUNTS[5], "latest"), "state read from the source");
                assertEquals(chain.rpc().chainId(), fork.rpc().chainId());
                assertTrue(provider.counts().values().stream().mapToInt(Integer::intValue).sum() > 0, "the fork read through the keyed URL");
            }
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the fork is stopped");

            // a source that cannot be read: refused, the fork stopped, and the key not in the message
            URI dead = URI.create("http://127.0.0.1:9/v3/" + KEY);
            NodeException refused = assertThrows(NodeException.class, () -> ThrowawayFork.of(dead));
            assertFalse(String.valueOf(refused.getMessage()).contains(KEY), refused.getMessage());
            assertFalse(String.valueOf(refused.args()).contains(KEY));
        }
    }
}
