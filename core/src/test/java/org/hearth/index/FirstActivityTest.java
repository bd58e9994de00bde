package org.hearth.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;
import org.hearth.testing.RpcProxy;
import org.hearth.testing.TestChain;
import org.hearth.testing.ValueForwarders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where an external chain's indexing starts for an account: its first activity, by binary search on historical state. */
class FirstActivityTest {

    private static final String FRESH = "0x00000000000000000000000000000000f1257ace";

    @TempDir
    Path dir;

    private TestChain node;
    private RpcClient rpc;

    @BeforeEach
    void start() {
        node = TestChain.start(dir, 3600);
        rpc = node.rpc();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void findsTheBlockOfTheFirstPaymentAndNothingForAnIdleAccount() {
        rpc.call("anvil_mine", "0x1d"); // blocks 1..29
        rpc.call("eth_sendTransaction", Map.of("from", ValueForwarders.DEV0, "to", FRESH, "value", Hex.quantity(1)));
        rpc.call("evm_mine"); // block 30
        rpc.call("anvil_mine", "0x11"); // 17 more

        assertEquals(OptionalLong.of(30), FirstActivity.find(rpc, FRESH, rpc.blockNumber()));
        assertEquals(OptionalLong.of(0), FirstActivity.find(rpc, ValueForwarders.DEV0, rpc.blockNumber()), "funded at genesis");
        assertTrue(FirstActivity.find(rpc, "0x000000000000000000000000000000000000dead", rpc.blockNumber()).isEmpty());
        assertEquals(12, FirstActivity.startBlock(rpc, FRESH, 12L, 0), "a start block the user sets wins");
    }

    @Test
    void aNodeWithoutHistoricalStateFallsBackToTheGivenStart() throws Exception {
        rpc.call("anvil_mine", "0x5");
        rpc.call("eth_sendTransaction", Map.of("from", ValueForwarders.DEV0, "to", FRESH, "value", Hex.quantity(1)));
        rpc.call("evm_mine");
        long head = rpc.blockNumber();
        try (RpcProxy pruned = new RpcProxy(rpc.endpoint(), request -> {
            String method = request.path("method").asText();
            boolean historical = (method.equals("eth_getBalance") || method.equals("eth_getTransactionCount"))
                    && !request.path("params").path(1).asText().equals(Hex.quantity(head));
            return historical ? RpcProxy.error(request.path("id"), -32000, "missing trie node") : null;
        }, (request, reply) -> null)) {
            RpcClient prunedRpc = new RpcClient(pruned.url());
            assertTrue(FirstActivity.find(prunedRpc, FRESH, head).isEmpty());
            assertEquals(4, FirstActivity.startBlock(prunedRpc, FRESH, null, 4));
        }
    }
}
