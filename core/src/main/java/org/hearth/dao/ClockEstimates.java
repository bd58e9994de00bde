package org.hearth.dao;

import java.math.BigInteger;
import org.hearth.chain.ChainClock;
import org.hearth.chain.RpcClient;

/**
 * When a governor timepoint (a vote start or end) happens, in Unix seconds: itself on the timestamp
 * clock; on the block-number clock, the head block's time plus the blocks to go at the average block
 * time of the last {@value #SAMPLE} blocks (a past block's own timestamp when it is already mined).
 */
public final class ClockEstimates {

    static final int SAMPLE = 100;

    private final RpcClient rpc;

    public ClockEstimates(RpcClient rpc) {
        this.rpc = rpc;
    }

    public long unixSeconds(Governor governor, BigInteger timepoint) {
        if (governor.clock() == Governor.Clock.TIMESTAMP) {
            return timepoint.longValueExact();
        }
        long head = rpc.blockNumber();
        long target = timepoint.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
        if (target <= head) {
            return timestamp(target);
        }
        long headTime = timestamp(head);
        long from = Math.max(0, head - SAMPLE);
        double perBlock = head == from ? 1.0 : Math.max(1e-3, (headTime - timestamp(from)) / (double) (head - from));
        return headTime + Math.round((target - head) * perBlock);
    }

    private long timestamp(long block) {
        return ChainClock.at(rpc, block);
    }
}
