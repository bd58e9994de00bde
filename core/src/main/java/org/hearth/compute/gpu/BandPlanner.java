package org.hearth.compute.gpu;

/**
 * Splits a GPU kernel into bands of tile rows sized to take about {@code targetNanos} each, so the
 * host reaches a checkpoint (pause, cancel, throttle) several times a second whatever the device's
 * speed. Starts with one tile row and scales by the measured time.
 */
public final class BandPlanner {

    private final int totalRows;
    private final long targetNanos;
    private int done;
    private int next = 1;

    public BandPlanner(int totalTileRows, long targetNanos) {
        this.totalRows = totalTileRows;
        this.targetNanos = targetNanos;
    }

    public boolean hasNext() {
        return done < totalRows;
    }

    /** First tile row of the next band. */
    public int start() {
        return done;
    }

    /** Tile rows in the next band. */
    public int size() {
        return Math.min(next, totalRows - done);
    }

    /** Records that the band just run took {@code nanos}; sizes the next one. */
    public void finished(int rows, long nanos) {
        done += rows;
        double scale = (double) targetNanos / Math.max(nanos, 1);
        next = (int) Math.max(1, Math.min((long) (rows * Math.min(scale, 4.0)), totalRows));
    }
}
