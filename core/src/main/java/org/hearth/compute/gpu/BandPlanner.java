package org.hearth.compute.gpu;

/**
 * Splits a GPU kernel into bands of output tiles sized to take about {@code targetNanos} each, so the
 * host reaches a checkpoint (pause, cancel, throttle) several times a second whatever the device's
 * speed and the matrix size. Starts with one tile and scales by the measured time (at most ×4 a step).
 */
public final class BandPlanner {

    private final int totalTiles;
    private final long targetNanos;
    private int done;
    private int next = 1;

    public BandPlanner(int totalTiles, long targetNanos) {
        this.totalTiles = totalTiles;
        this.targetNanos = targetNanos;
    }

    public boolean hasNext() {
        return done < totalTiles;
    }

    /** First tile of the next band. */
    public int start() {
        return done;
    }

    /** Tiles in the next band. */
    public int size() {
        return Math.min(next, totalTiles - done);
    }

    /** Records that the band just run took {@code nanos}; sizes the next one. */
    public void finished(int tiles, long nanos) {
        done += tiles;
        double scale = (double) targetNanos / Math.max(nanos, 1);
        next = (int) Math.max(1, Math.min((long) (tiles * Math.min(scale, 4.0)), totalTiles));
    }
}
