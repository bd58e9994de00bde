package org.hearth.compute.worker;

import java.time.Instant;

/** Something the supervisor saw, for logs and the Compute screen. */
public record WorkerEvent(Instant at, Kind kind, long pid, String message) {

    public enum Kind {
        STARTED, READY, JOB_STARTED, PAUSED, RESUMED, CRASHED, HUNG, PROTOCOL_ERROR, RESTARTING, GAVE_UP, STOPPED
    }

    static WorkerEvent of(Kind kind, long pid, String message) {
        return new WorkerEvent(Instant.now(), kind, pid, message);
    }

    @Override
    public String toString() {
        return kind + " (pid " + pid + "): " + message;
    }
}
