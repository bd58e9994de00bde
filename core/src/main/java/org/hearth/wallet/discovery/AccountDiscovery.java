package org.hearth.wallet.discovery;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.hearth.chain.RpcClient;

/**
 * Finds the accounts a restored wallet has used: walks indexes 0, 1, 2, … and stops after
 * {@code gapLimit} consecutive addresses with neither a nonce nor a balance (BIP-44's gap limit).
 * Address derivation is passed in, so any path scheme works.
 */
public final class AccountDiscovery {

    public static final int DEFAULT_GAP_LIMIT = 20;
    /** A hard stop so a hostile or broken node that reports activity everywhere cannot loop forever. */
    static final int MAX_ACCOUNTS = 1_000;

    public record Found(int index, String address, long nonce, BigInteger balance) {
    }

    private final RpcClient rpc;
    private final int gapLimit;

    public AccountDiscovery(RpcClient rpc, int gapLimit) {
        if (gapLimit < 1) {
            throw new IllegalArgumentException("gap limit must be at least 1");
        }
        this.rpc = rpc;
        this.gapLimit = gapLimit;
    }

    /** The used accounts, in index order; index 0 is always included so a new wallet has one account. */
    public List<Found> discover(IntFunction<String> addressAt) {
        List<Found> used = new ArrayList<>();
        int gap = 0;
        for (int index = 0; index < MAX_ACCOUNTS && gap < gapLimit; index++) {
            String address = addressAt.apply(index);
            long nonce = rpc.callQuantity("eth_getTransactionCount", address, "latest").longValueExact();
            BigInteger balance = rpc.callQuantity("eth_getBalance", address, "latest");
            if (nonce > 0 || balance.signum() > 0 || index == 0) {
                used.add(new Found(index, address, nonce, balance));
            }
            gap = nonce > 0 || balance.signum() > 0 ? 0 : gap + 1;
        }
        return used;
    }
}
