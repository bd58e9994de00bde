package org.hearth.compute.worker;

/**
 * The messages between the app and its worker child. Each has a one-byte code and a payload cap
 * that the reader checks before allocating. Test messages only act in a worker started with test
 * hooks; otherwise the worker answers them with an error.
 */
public enum FrameType {
    /** child → app: capabilities (JSON) once the backend is chosen. */
    HELLO(1, Caps.CONTROL),
    /** app → child: job id, kind, job blob. */
    SUBMIT(2, Caps.JOB),
    /** child → app: job id, state (started, paused, resumed). */
    PROGRESS(3, Caps.CONTROL),
    /** child → app: job id, backend name, run time, result blob. */
    RESULT(4, Caps.JOB),
    /** child → app: job id (or -1), kind of failure, message. */
    ERROR(5, Caps.CONTROL),
    PAUSE(6, 0),
    RESUME(7, 0),
    /** app → child: job id. */
    CANCEL(8, 8),
    /** app → child: sequence number; answered by PONG with the same number. */
    PING(9, 8),
    PONG(10, 8),
    SHUTDOWN(11, 0),
    /** app → child: duty cycle in percent (1..100). */
    THROTTLE(12, 1),
    /** Test hook: the child halts at once, as a driver crash would. */
    TEST_CRASH(100, 0),
    /** Test hook: the child's control loop stops answering, as a hung driver call would. */
    TEST_HANG(101, 0);

    /** Payload caps in bytes. */
    public static final class Caps {
        public static final int CONTROL = 1 << 20;
        /** Job blobs are bounded by JobLimits.maxBytes (512 MiB); a frame also carries a small header. */
        public static final int JOB = (512 << 20) + 4096;

        private Caps() {
        }
    }

    private final int code;
    private final int maxPayload;

    FrameType(int code, int maxPayload) {
        this.code = code;
        this.maxPayload = maxPayload;
    }

    public int code() {
        return code;
    }

    public int maxPayload() {
        return maxPayload;
    }

    /** The type for a code, or null when the code is unknown. */
    public static FrameType of(int code) {
        for (FrameType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
