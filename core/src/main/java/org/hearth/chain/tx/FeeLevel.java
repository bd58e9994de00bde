package org.hearth.chain.tx;

/** The fee presets offered before sending; percentiles of recent priority fees. */
public enum FeeLevel {
    SLOW(10), NORMAL(50), FAST(90);

    private final int percentile;

    FeeLevel(int percentile) {
        this.percentile = percentile;
    }

    public int percentile() {
        return percentile;
    }
}
