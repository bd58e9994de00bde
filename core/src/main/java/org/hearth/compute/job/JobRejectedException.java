package org.hearth.compute.job;

/** A job is malformed or over the limits; the message says which field and why, for people. */
public class JobRejectedException extends RuntimeException {
    public JobRejectedException(String message) {
        super(message);
    }
}
