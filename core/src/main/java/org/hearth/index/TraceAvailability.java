package org.hearth.index;

/** Whether the node answers call traces, which internal transfers need. */
public enum TraceAvailability {
    /** Not asked yet (no block with transactions was indexed since start). */
    UNKNOWN,
    AVAILABLE,
    /** The node refused or kept failing; internal transfers are not indexed for it. */
    UNAVAILABLE
}
