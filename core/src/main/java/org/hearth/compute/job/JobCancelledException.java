package org.hearth.compute.job;

/** Thrown by a kernel at its next checkpoint after {@link CancelToken#cancel()}. */
public class JobCancelledException extends RuntimeException {
    public JobCancelledException() {
        super("job cancelled");
    }
}
