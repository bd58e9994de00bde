package org.hearth.wallet.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;
import org.hearth.config.DataDir;
import org.hearth.node.AnvilLocator;
import org.hearth.node.LocalNode;
import org.hearth.node.LocalNodeConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery on a real anvil: activity is created at chosen indexes of a synthetic address list. */
class AccountDiscoveryTest {

    @TempDir
    Path dir;

    private LocalNode node;

    @AfterEach
    void stop() {
        node.stop(Duration.ofSeconds(5));
    }

    private static String addressAt(int index) {
        return String.format("0x%040x", 0xA11CE0000L + index);
    }

    @Test
    void findsUsedAccountsAcrossGapsShorterThanTheLimitAndStopsAfterIt() {
        node = new LocalNode(new DataDir(dir), AnvilLocator.locate(), new LocalNodeConfig(60, 5, Duration.ofSeconds(30)));
        RpcClient rpc = new RpcClient(node.start().rpcUrl());
        String funder = rpc.call("eth_accounts").get(0).asText();
        for (int index : new int[] {1, 7, 27}) { // 27 is 20 past 7 (gap of 19 unused): still found
            rpc.call("eth_sendTransaction", Map.of("from", funder, "to", addressAt(index), "value", Hex.quantity(1000 + index)));
        }
        rpc.call("eth_sendTransaction", Map.of("from", funder, "to", addressAt(48), "value", "0x1")); // 21 unused before it: beyond the gap
        rpc.call("evm_mine");

        List<AccountDiscovery.Found> found = new AccountDiscovery(rpc, AccountDiscovery.DEFAULT_GAP_LIMIT).discover(AccountDiscoveryTest::addressAt);
        assertEquals(List.of(0, 1, 7, 27), found.stream().map(AccountDiscovery.Found::index).toList());
        assertEquals(BigInteger.valueOf(1007), found.get(2).balance());
    }
}
