package org.hearth.market;

import java.math.BigInteger;

/**
 * A provider's record ({@code provider(address)}): free stake, stake locked as bonds of claimed jobs,
 * stake in the unstake cooldown and when it is ready (unix seconds), its attestation digest and endpoint.
 */
public record MarketProvider(BigInteger stake, BigInteger locked, long id, BigInteger unstaking, long unstakeReadyAt,
                             String attestation, String endpoint) {

    public boolean registered() {
        return id != 0;
    }
}
