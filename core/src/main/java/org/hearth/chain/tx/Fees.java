package org.hearth.chain.tx;

import java.math.BigInteger;

/** EIP-1559 fee caps in wei per gas. */
public record Fees(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) {

    public Fees {
        if (maxFeePerGas.signum() < 0 || maxPriorityFeePerGas.signum() < 0) {
            throw new IllegalArgumentException("fees cannot be negative");
        }
        if (maxPriorityFeePerGas.compareTo(maxFeePerGas) > 0) {
            throw new IllegalArgumentException("the priority fee cannot exceed the max fee");
        }
    }

    /** Both caps raised by at least {@code percent}% (nodes demand about 10% to accept a replacement). */
    public Fees bumpedBy(int percent) {
        return new Fees(bump(maxFeePerGas, percent), bump(maxPriorityFeePerGas, percent));
    }

    /** The larger of each cap. */
    public Fees max(Fees other) {
        return new Fees(maxFeePerGas.max(other.maxFeePerGas), maxPriorityFeePerGas.max(other.maxPriorityFeePerGas));
    }

    private static BigInteger bump(BigInteger v, int percent) {
        // round up so that a 1-wei fee still grows
        return v.multiply(BigInteger.valueOf(100L + percent)).add(BigInteger.valueOf(99)).divide(BigInteger.valueOf(100)).max(v.add(BigInteger.ONE));
    }
}
