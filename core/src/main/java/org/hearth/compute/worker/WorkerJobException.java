package org.hearth.compute.worker;

/** A job did not produce a result; {@link #kind()} says whether it was rejected, cancelled, failed or lost. */
public class WorkerJobException extends RuntimeException {

    private final WorkerError kind;

    public WorkerJobException(WorkerError kind, String message) {
        super(message);
        this.kind = kind;
    }

    public WorkerError kind() {
        return kind;
    }
}
