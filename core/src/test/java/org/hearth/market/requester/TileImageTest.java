package org.hearth.market.requester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.List;
import javax.imageio.ImageIO;
import org.hearth.compute.ComputeTestScenes;
import org.hearth.compute.cpu.CpuBackend;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.RenderJob;
import org.junit.jupiter.api.Test;

/** Tiles rendered separately by the CPU worker, assembled into a PNG, equal pixel for pixel to the whole image rendered at once. */
class TileImageTest {

    @Test
    void tilesFromAPlanAssembleIntoTheSameImageAsOneRender() throws Exception {
        int w = 45, h = 30;
        List<RenderPlan.Tile> plan = RenderPlan.split(w, h, 6, BigInteger.valueOf(1_000_003));
        assertEquals(6, plan.size());
        assertEquals(BigInteger.valueOf(1_000_003), plan.stream().map(RenderPlan.Tile::price).reduce(BigInteger.ZERO, BigInteger::add),
                "the tiles' prices add up to the price to the wei");
        TileImage tiles = new TileImage(w, h);
        BufferedImage whole;
        try (CpuBackend cpu = new CpuBackend(2)) {
            for (RenderPlan.Tile t : plan) {
                assertFalse(tiles.complete());
                tiles.put(t.x(), t.y(), t.w(), t.h(),
                        cpu.renderTile(new RenderJob(ComputeTestScenes.small(), w, h, t.x(), t.y(), t.w(), t.h(), 2, 9), CancelToken.none()));
            }
            TileImage one = new TileImage(w, h);
            one.put(0, 0, w, h, cpu.renderTile(RenderJob.fullImage(ComputeTestScenes.small(), w, h, 2, 9), CancelToken.none()));
            whole = one.image();
        }
        assertTrue(tiles.complete());
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(tiles.png()));
        assertEquals(w, png.getWidth());
        assertEquals(h, png.getHeight());
        int differing = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                differing += (png.getRGB(x, y) & 0xFFFFFF) == (whole.getRGB(x, y) & 0xFFFFFF) ? 0 : 1;
            }
        }
        assertEquals(0, differing, "tiles render the same pixels as the whole image");
        assertTrue(png.getRGB(0, 0) != png.getRGB(w / 2, h / 2), "not a flat image");
    }

    @Test
    void overlapsGapsAndOutsideTilesAreRefused() {
        TileImage image = new TileImage(8, 4);
        image.put(0, 0, 4, 4, new float[4 * 4 * 3]);
        assertThrows(IllegalArgumentException.class, () -> image.put(3, 0, 2, 2, new float[12]), "overlap");
        assertThrows(IllegalArgumentException.class, () -> image.put(6, 0, 4, 4, new float[48]), "outside");
        assertThrows(IllegalArgumentException.class, () -> image.put(4, 0, 4, 4, new float[3]), "wrong length");
        assertThrows(IllegalStateException.class, image::png, "half the image missing");
        assertEquals(0, TileImage.srgb(-1f));
        assertEquals(255, TileImage.srgb(7f));
        assertEquals(188, TileImage.srgb(0.5f), "sRGB curve, not linear");
    }

    @Test
    void plansAreAsSquareAsTheCountAllows() {
        assertEquals(List.of(2, 3), shape(RenderPlan.split(90, 60, 6, BigInteger.TEN)));
        assertEquals(List.of(1, 7), shape(RenderPlan.split(70, 10, 7, BigInteger.TEN)));
        assertEquals(List.of(2, 2), shape(RenderPlan.split(64, 64, 4, BigInteger.TEN)));
        assertThrows(IllegalArgumentException.class, () -> RenderPlan.split(2, 2, 5, BigInteger.TEN));
    }

    private static List<Integer> shape(List<RenderPlan.Tile> tiles) {
        long rows = tiles.stream().map(RenderPlan.Tile::y).distinct().count();
        long cols = tiles.stream().map(RenderPlan.Tile::x).distinct().count();
        return List.of((int) rows, (int) cols);
    }
}
