package org.hearth.index;

/** How far the indexer has scanned: for progress bars and status lines. */
public record IndexProgress(long scannedTo, long head, int blocksThisRound, int reorgsHandled) {

    public boolean caughtUp() {
        return scannedTo >= head;
    }
}
