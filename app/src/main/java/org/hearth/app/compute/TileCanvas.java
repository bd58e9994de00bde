package org.hearth.app.compute;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.provider.LocalJobLoop;

/** The image being rendered, tile by tile as results arrive (linear RGB, clamped, gamma 2.2). */
final class TileCanvas extends ImageView {

    private final WritableImage image = new WritableImage(LocalJobLoop.WIDTH, LocalJobLoop.HEIGHT);

    TileCanvas() {
        setImage(image);
        setId("compute-image");
        clear();
    }

    void clear() {
        PixelWriter w = image.getPixelWriter();
        for (int y = 0; y < LocalJobLoop.HEIGHT; y++) {
            for (int x = 0; x < LocalJobLoop.WIDTH; x++) {
                w.setColor(x, y, ((x / 8 + y / 8) & 1) == 0 ? Color.gray(0.18) : Color.gray(0.22));
            }
        }
    }

    void paint(LocalJobLoop.TileDone tile) {
        RenderJob job = tile.job();
        float[] rgb = tile.rgb();
        PixelWriter w = image.getPixelWriter();
        for (int y = 0; y < job.tileH(); y++) {
            for (int x = 0; x < job.tileW(); x++) {
                int i = (y * job.tileW() + x) * 3;
                w.setColor(job.tileX() + x, job.tileY() + y, Color.color(tone(rgb[i]), tone(rgb[i + 1]), tone(rgb[i + 2])));
            }
        }
    }

    private static double tone(float linear) {
        double v = Float.isFinite(linear) ? Math.max(0, Math.min(1, linear)) : 0;
        return Math.pow(v, 1 / 2.2);
    }
}
