package org.hearth.compute.worker;

/** Why a job (or a message) did not produce a result. The order is the wire code: append only. */
public enum WorkerError {
    /** Malformed or over the limits: resubmitting it will not help. */
    REJECTED,
    CANCELLED,
    /** The backend failed while running it. */
    FAILED,
    /** A frame the worker could not read; the worker exits after it. */
    PROTOCOL,
    /** A job arrived while another was running. */
    BUSY,
    /** The worker crashed or hung while running it, more often than the retry policy allows. */
    WORKER_LOST
}
