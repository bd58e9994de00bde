package org.hearth.compute.job;

/**
 * Bounds on what one job may ask for; a job over any of them is rejected before memory is allocated
 * or a kernel starts.
 *
 * @param maxDim            largest gemm dimension (m, k or n)
 * @param maxBytes          largest total of a job's inputs plus its result, in bytes
 * @param maxSamplesPerPixel largest render samples per pixel
 * @param maxImageDim       largest render image width or height
 * @param maxTileSamples    largest render work per tile (pixels × samples per pixel)
 */
public record JobLimits(int maxDim, long maxBytes, int maxSamplesPerPixel, int maxImageDim, long maxTileSamples) {

    /** 8192² gemm at most, 512 MiB per job, 4096 spp, 16384-pixel images, 2^28 samples per tile. */
    public static final JobLimits DEFAULT = new JobLimits(8192, 512L << 20, 4096, 16384, 1L << 28);

    public JobLimits {
        if (maxDim <= 0 || maxBytes <= 0 || maxSamplesPerPixel <= 0 || maxImageDim <= 0 || maxTileSamples <= 0) {
            throw new IllegalArgumentException("job limits must be positive");
        }
    }

    /** Checks dimensions before any allocation (used when decoding blobs). */
    public void checkGemmShape(long m, long k, long n) {
        if (m <= 0 || k <= 0 || n <= 0) {
            throw new JobRejectedException("gemm dimensions must be positive, got m=" + m + " k=" + k + " n=" + n);
        }
        if (m > maxDim || k > maxDim || n > maxDim) {
            throw new JobRejectedException("gemm " + m + "x" + k + " * " + k + "x" + n
                    + " exceeds the largest dimension allowed, " + maxDim);
        }
        long bytes = 4 * (m * k + k * n + m * n);
        if (bytes > maxBytes) {
            throw new JobRejectedException("gemm " + m + "x" + k + " * " + k + "x" + n + " needs " + bytes
                    + " bytes, over the limit of " + maxBytes);
        }
    }

    public GemmJob check(GemmJob job) {
        checkGemmShape(job.m(), job.k(), job.n());
        return job;
    }

    public RenderJob check(RenderJob job) {
        if (job.width() > maxImageDim || job.height() > maxImageDim) {
            throw new JobRejectedException("image " + job.width() + "x" + job.height()
                    + " exceeds the largest side allowed, " + maxImageDim);
        }
        if (job.samplesPerPixel() > maxSamplesPerPixel) {
            throw new JobRejectedException(job.samplesPerPixel() + " samples per pixel exceeds the limit of "
                    + maxSamplesPerPixel);
        }
        if (job.samples() > maxTileSamples) {
            throw new JobRejectedException("tile needs " + job.samples() + " samples, over the limit of " + maxTileSamples);
        }
        if (job.resultLength() * 4 > maxBytes) {
            throw new JobRejectedException("tile result of " + job.resultLength() * 4 + " bytes exceeds " + maxBytes);
        }
        return job;
    }
}
