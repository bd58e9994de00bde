package org.hearth.compute.blob;

/**
 * A job's {@code spec}: a small JSON blob naming the kernel, its parameters and its input blobs. Only
 * fixed kernels exist, so a manifest can ask for work but never bring code. {@link ManifestCodec}
 * reads and writes them.
 */
public sealed interface JobManifest permits JobManifest.Gemm, JobManifest.Render {

    String kernel();

    /** C = A·B, A m×k and B k×n, both raw row-major little-endian f32 blobs. */
    record Gemm(int m, int n, int k, Cid a, Cid b) implements JobManifest {
        @Override
        public String kernel() {
            return "gemm";
        }
    }

    /**
     * One tile of a path-traced image: the scene blob (Hearth scene JSON), the image size, the tile
     * rectangle, samples per pixel and the seed of the counter-based random numbers.
     */
    record Render(Cid scene, int width, int height, int tileX, int tileY, int tileW, int tileH, int samples, long seed)
            implements JobManifest {
        @Override
        public String kernel() {
            return "render";
        }
    }
}
