package org.hearth.market.requester;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an image into {@code tiles} rectangles (one market job each): a grid of rows × columns with
 * rows·columns = tiles, as square as the count allows (6 → 2×3, 7 → 1×7), sizes differing by at most
 * one pixel. The price is split the same way: each tile pays price / tiles, the first tiles one wei more
 * until the remainder is spent, so the tiles add up to the price exactly.
 */
public final class RenderPlan {

    public record Tile(int x, int y, int w, int h, BigInteger price) {
    }

    private RenderPlan() {
    }

    public static List<Tile> split(int width, int height, int tiles, BigInteger price) {
        if (tiles < 1 || (long) tiles > (long) width * height) {
            throw new IllegalArgumentException("cannot split a " + width + "x" + height + " image into " + tiles + " tiles");
        }
        int rows = 1;
        for (int r = 1; (long) r * r <= tiles; r++) {
            if (tiles % r == 0) {
                rows = r;
            }
        }
        int cols = tiles / rows;
        if (width < height) {
            int t = rows;
            rows = cols;
            cols = t;
        }
        if (rows > height || cols > width) {
            throw new IllegalArgumentException("cannot split a " + width + "x" + height + " image into " + rows + "x" + cols + " tiles");
        }
        BigInteger[] share = price.divideAndRemainder(BigInteger.valueOf(tiles));
        int extra = share[1].intValueExact();
        List<Tile> out = new ArrayList<>(tiles);
        for (int r = 0; r < rows; r++) {
            int y0 = (int) ((long) height * r / rows), y1 = (int) ((long) height * (r + 1) / rows);
            for (int c = 0; c < cols; c++) {
                int x0 = (int) ((long) width * c / cols), x1 = (int) ((long) width * (c + 1) / cols);
                BigInteger p = out.size() < extra ? share[0].add(BigInteger.ONE) : share[0];
                out.add(new Tile(x0, y0, x1 - x0, y1 - y0, p));
            }
        }
        return out;
    }
}
