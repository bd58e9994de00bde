package org.hearth.compute.job;

/**
 * A place where the fixed kernels run (CPU, OpenCL, CUDA). Only these kernels exist: a job brings
 * numbers, never code. Implementations call {@link CancelToken#checkpoint()} between blocks, rows or
 * kernel launches so that cancel and pause take effect within a second. Callers check jobs against
 * {@link JobLimits} first.
 */
public interface Backend extends AutoCloseable {

    String name();

    /** C = A·B, m×n row-major. */
    float[] gemm(GemmJob job, CancelToken cancel);

    /** Linear RGB of the tile, {@code tileW*tileH*3} floats, row-major within the tile. */
    float[] renderTile(RenderJob job, CancelToken cancel);

    /** Releases native resources; the default holds none. */
    @Override
    default void close() {
    }
}
