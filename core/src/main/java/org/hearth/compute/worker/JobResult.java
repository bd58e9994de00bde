package org.hearth.compute.worker;

/** A finished job: the result values, which backend made them and how long the kernel ran. */
public record JobResult(long jobId, String backend, long nanos, float[] values) {
}
