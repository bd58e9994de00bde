package org.hearth.index;

/**
 * How far the log indexer is, for a progress bar while it catches up: the lowest checkpoint of all
 * cursors ({@code scannedTo}) between the lowest start block and the head, the events stored since
 * this indexer was made and their rate, and the reorganisations handled.
 */
public record SyncProgress(long startBlock, long scannedTo, long head, long events, double eventsPerSecond, int reorgs) {

    public boolean caughtUp() {
        return scannedTo >= head;
    }

    /** 0..1 of the blocks between the start and the head that every cursor has scanned. */
    public double fraction() {
        long total = head - startBlock + 1;
        return total <= 0 ? 1.0 : Math.clamp((double) (scannedTo - startBlock + 1) / total, 0.0, 1.0);
    }
}
