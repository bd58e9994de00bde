package org.hearth.index;

import java.math.BigInteger;
import java.util.OptionalLong;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;

/**
 * The first block at which an account had a nonce or a balance, found by binary search on
 * {@code eth_getTransactionCount} and {@code eth_getBalance} at historical blocks (about 2·log2(head)
 * calls): where indexing an external chain for it starts, rather than at block 0 or at "now". For an
 * account that never sent, the balance only grows until its first send, so "nonce > 0 or balance > 0"
 * is monotonic. Empty when the account shows no activity, or when the node keeps no historical
 * state (a pruned node answers "missing trie node" or similar): then a start block the user sets is used.
 * Tokens received before the account's first ether are before this block: a user who expects them sets
 * the start block.
 */
public final class FirstActivity {

    private FirstActivity() {
    }

    public static OptionalLong find(RpcClient rpc, String account, long head) {
        try {
            if (!active(rpc, account, head)) {
                return OptionalLong.empty();
            }
            long lo = 0;
            long hi = head; // active(hi) holds
            while (lo < hi) {
                long mid = lo + (hi - lo) / 2;
                if (active(rpc, account, mid)) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return OptionalLong.of(lo);
        } catch (RpcException e) {
            if (e.isTransport()) {
                throw e;
            }
            return OptionalLong.empty(); // no historical state on this node
        }
    }

    /** The start block for {@code account}: the user's when set, else its first activity, else {@code fallback}. */
    public static long startBlock(RpcClient rpc, String account, Long userStart, long fallback) {
        if (userStart != null) {
            return userStart;
        }
        return find(rpc, account, rpc.blockNumber()).orElse(fallback);
    }

    private static boolean active(RpcClient rpc, String account, long block) {
        String at = Hex.quantity(block);
        return rpc.callQuantity("eth_getTransactionCount", account, at).signum() > 0
                || !rpc.callQuantity("eth_getBalance", account, at).equals(BigInteger.ZERO);
    }
}
