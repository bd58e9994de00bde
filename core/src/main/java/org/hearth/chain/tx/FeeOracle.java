package org.hearth.chain.tx;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;

/**
 * EIP-1559 fee presets from {@code eth_feeHistory}: the tip is the median over recent blocks of
 * each preset's reward percentile; the max fee allows the base fee to double (two full blocks).
 */
public final class FeeOracle {

    static final int BLOCKS = 20;
    /** Never suggest a zero tip: some nodes refuse such transactions. */
    static final BigInteger MIN_TIP = BigInteger.valueOf(1_000_000); // 0.001 gwei

    private final RpcClient rpc;

    public FeeOracle(RpcClient rpc) {
        this.rpc = rpc;
    }

    public FeeSuggestions suggest() {
        FeeLevel[] levels = FeeLevel.values();
        int[] percentiles = new int[levels.length];
        for (int i = 0; i < levels.length; i++) {
            percentiles[i] = levels[i].percentile();
        }
        JsonNode history = rpc.call("eth_feeHistory", Hex.quantity(BLOCKS), "latest", percentiles);
        JsonNode baseFees = history.path("baseFeePerGas");
        if (!baseFees.isArray() || baseFees.isEmpty()) {
            throw new RpcException(rpc.displayEndpoint(), "eth_feeHistory", "no baseFeePerGas in the reply (not an EIP-1559 chain?)", null, null, null);
        }
        BigInteger nextBase = quantity(baseFees.get(baseFees.size() - 1));
        Map<FeeLevel, Fees> out = new EnumMap<>(FeeLevel.class);
        for (int i = 0; i < levels.length; i++) {
            BigInteger tip = medianReward(history.path("reward"), i).max(MIN_TIP);
            out.put(levels[i], new Fees(nextBase.multiply(BigInteger.TWO).add(tip), tip));
        }
        return new FeeSuggestions(nextBase, out);
    }

    private BigInteger medianReward(JsonNode rewards, int column) {
        List<BigInteger> values = new ArrayList<>();
        if (rewards.isArray()) {
            for (JsonNode block : rewards) {
                if (block.isArray() && block.size() > column) {
                    values.add(quantity(block.get(column)));
                }
            }
        }
        if (values.isEmpty()) {
            return BigInteger.ZERO;
        }
        values.sort(null);
        return values.get(values.size() / 2);
    }

    private BigInteger quantity(JsonNode node) {
        return Hex.quantity(node.asText(), () -> new RpcException(rpc.displayEndpoint(), "eth_feeHistory",
                "malformed fee value", null, null, null));
    }
}
