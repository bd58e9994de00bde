package org.hearth.compute.job;

import org.hearth.compute.scene.Scene;

/**
 * One tile of a path-traced image. The result is {@code tileW*tileH*3} floats: linear RGB, row-major
 * within the tile. Pixel indices for the random numbers are image-wide ({@code y*width + x}), so a tile
 * renders the same pixels whatever the tiling.
 */
public record RenderJob(Scene scene, int width, int height, int tileX, int tileY, int tileW, int tileH,
                        int samplesPerPixel, long seed) {

    public RenderJob {
        if (scene == null) {
            throw new JobRejectedException("render job needs a scene");
        }
        if (width <= 0 || height <= 0) {
            throw new JobRejectedException("image size must be positive, got " + width + "x" + height);
        }
        if (tileW <= 0 || tileH <= 0) {
            throw new JobRejectedException("tile size must be positive, got " + tileW + "x" + tileH);
        }
        if (tileX < 0 || tileY < 0 || (long) tileX + tileW > width || (long) tileY + tileH > height) {
            throw new JobRejectedException("tile " + tileW + "x" + tileH + " at (" + tileX + "," + tileY
                    + ") is outside the " + width + "x" + height + " image");
        }
        if (samplesPerPixel <= 0) {
            throw new JobRejectedException("samples per pixel must be positive, got " + samplesPerPixel);
        }
    }

    /** A whole image as one tile. */
    public static RenderJob fullImage(Scene scene, int width, int height, int samplesPerPixel, long seed) {
        return new RenderJob(scene, width, height, 0, 0, width, height, samplesPerPixel, seed);
    }

    public long resultLength() {
        return (long) tileW * tileH * 3;
    }

    /** Camera samples in this tile (pixels × samples per pixel), for Msamples/s figures. */
    public long samples() {
        return (long) tileW * tileH * samplesPerPixel;
    }
}
