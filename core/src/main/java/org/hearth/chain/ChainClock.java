package org.hearth.chain;

import com.fasterxml.jackson.databind.JsonNode;

/** The chain's clock: block timestamps in seconds (the market's windows and the governor's periods run on it, not on this machine's clock). */
public final class ChainClock {

    private ChainClock() {
    }

    /** The latest block's timestamp. */
    public static long latest(RpcClient rpc) {
        return timestamp(rpc.call("eth_getBlockByNumber", "latest", false));
    }

    /** The timestamp of block {@code number}. */
    public static long at(RpcClient rpc, long number) {
        return timestamp(rpc.call("eth_getBlockByNumber", Hex.quantity(number), false));
    }

    private static long timestamp(JsonNode block) {
        return Hex.quantity(block.path("timestamp").asText("0x0"), () -> new IllegalStateException("no block timestamp")).longValueExact();
    }
}
