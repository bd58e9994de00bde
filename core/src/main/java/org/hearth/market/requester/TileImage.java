package org.hearth.market.requester;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import javax.imageio.ImageIO;

/**
 * Assembles render tiles (linear RGB floats, row-major within the tile, as {@link org.hearth.compute.job.RenderJob}
 * results are) into one image and encodes it as PNG. Linear values are clamped to [0, 1] and encoded
 * with the sRGB transfer curve. Each pixel may be set once: overlapping or out-of-bounds tiles are refused.
 */
public final class TileImage {

    private final int width;
    private final int height;
    private final BufferedImage image;
    private final BitSet filled;

    public TileImage(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.filled = new BitSet(width * height);
    }

    public void put(int x, int y, int w, int h, float[] rgb) {
        if (x < 0 || y < 0 || w <= 0 || h <= 0 || (long) x + w > width || (long) y + h > height) {
            throw new IllegalArgumentException("tile " + w + "x" + h + " at (" + x + "," + y + ") is outside the " + width + "x" + height + " image");
        }
        if (rgb.length != w * h * 3) {
            throw new IllegalArgumentException("tile " + w + "x" + h + " needs " + w * h * 3 + " values, got " + rgb.length);
        }
        for (int ty = 0; ty < h; ty++) {
            int from = (y + ty) * width + x;
            if (filled.nextSetBit(from) >= 0 && filled.nextSetBit(from) < from + w) {
                throw new IllegalArgumentException("tile at (" + x + "," + y + ") overlaps a tile already placed");
            }
        }
        for (int ty = 0; ty < h; ty++) {
            for (int tx = 0; tx < w; tx++) {
                int i = (ty * w + tx) * 3;
                image.setRGB(x + tx, y + ty, (srgb(rgb[i]) << 16) | (srgb(rgb[i + 1]) << 8) | srgb(rgb[i + 2]));
            }
            filled.set((y + ty) * width + x, (y + ty) * width + x + w);
        }
    }

    /** Whether every pixel has been placed. */
    public boolean complete() {
        return filled.cardinality() == width * height;
    }

    public BufferedImage image() {
        return image;
    }

    /** The image as PNG; refused until every tile is in. */
    public byte[] png() {
        if (!complete()) {
            throw new IllegalStateException((width * height - filled.cardinality()) + " pixels have no tile yet");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Linear [0, 1] to an 8-bit sRGB code; NaN as black. */
    static int srgb(float linear) {
        double v = Float.isNaN(linear) ? 0 : Math.min(1, Math.max(0, linear));
        double encoded = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
        return (int) Math.round(encoded * 255);
    }
}
