package org.hearth.nft.media;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.DocumentLimits;
import com.github.weisj.jsvg.parser.LoaderContext;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.parser.resources.ResourcePolicy;
import com.github.weisj.jsvg.view.FloatSize;
import com.github.weisj.jsvg.view.ViewBox;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.hearth.fetch.MediaSniffer;
import org.hearth.problem.HearthException;

/**
 * Turns untrusted image bytes into a bounded bitmap. Bitmaps (PNG, JPEG, GIF, WebP through TwelveMonkeys' ImageIO plug-in) have their declared size
 * read from the header before any pixel is decoded and are refused over {@value #MAX_PIXELS} pixels.
 * SVG is drawn by jsvg, which has no script engine (scripts, event handlers and {@code foreignObject}
 * are never run), with every external resource denied, nesting and path counts limited, and any
 * DOCTYPE refused outright (no entity can expand). The output is at most {@code maxSide} on a side
 * whatever the canvas claims.
 */
public final class Thumbnails {

    public static final long MAX_PIXELS = 40_000_000L;
    public static final int MAX_SIDE = 16_384;

    static {
        LibraryLogs.routeJsvg();
    }

    private static final LoaderContext SVG_CONTEXT = LoaderContext.builder()
            .externalResourcePolicy(ResourcePolicy.DENY_ALL)
            .documentLimits(new DocumentLimits(32, 8, 20_000))
            .build();

    private Thumbnails() {
    }

    public static BufferedImage render(byte[] bytes, int maxSide) {
        String type = MediaSniffer.sniff(bytes);
        return switch (type) {
            case MediaSniffer.SVG -> svg(bytes, maxSide);
            case MediaSniffer.PNG, MediaSniffer.JPEG, MediaSniffer.GIF, MediaSniffer.WEBP -> bitmap(bytes, maxSide, type);
            default -> throw new HearthException("nft.notImage", null, type);
        };
    }

    private static BufferedImage bitmap(byte[] bytes, int maxSide, String type) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new HearthException("nft.imageBroken", null, type, "no decoder");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                checkSize(w, h);
                BufferedImage full = reader.read(0);
                return scale(full, maxSide);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof HearthException h) {
                throw h;
            }
            throw new HearthException("nft.imageBroken", e, type, firstLine(e.getMessage()));
        }
    }

    private static BufferedImage svg(byte[] bytes, int maxSide) {
        String head = new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if (head.contains("<!doctype") || head.contains("<!entity")) {
            throw new HearthException("nft.svgRefused", null, "it declares a DOCTYPE or entities");
        }
        SVGDocument doc;
        try {
            doc = new SVGLoader().load(new ByteArrayInputStream(SvgColors.rewrite(bytes)), null, SVG_CONTEXT);
        } catch (RuntimeException e) {
            throw new HearthException("nft.imageBroken", e, MediaSniffer.SVG, firstLine(e.getMessage()));
        }
        if (doc == null) {
            throw new HearthException("nft.imageBroken", null, MediaSniffer.SVG, "not a drawable SVG document");
        }
        FloatSize size = doc.size();
        float w = size.width > 0 ? size.width : maxSide;
        float h = size.height > 0 ? size.height : maxSide;
        double scale = Math.min(1.0, maxSide / (double) Math.max(w, h));
        int outW = Math.max(1, (int) Math.round(w * scale));
        int outH = Math.max(1, (int) Math.round(h * scale));
        BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.scale(scale, scale);
            doc.render(null, g, new ViewBox(0, 0, w, h));
        } catch (RuntimeException e) {
            throw new HearthException("nft.imageBroken", e, MediaSniffer.SVG, firstLine(e.getMessage()));
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void checkSize(int w, int h) {
        if (w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
            throw new HearthException("nft.imageTooLarge", null, w, h, MAX_PIXELS);
        }
    }

    private static BufferedImage scale(BufferedImage full, int maxSide) {
        int w = full.getWidth();
        int h = full.getHeight();
        if (Math.max(w, h) <= maxSide) {
            return full;
        }
        double s = maxSide / (double) Math.max(w, h);
        BufferedImage out = new BufferedImage(Math.max(1, (int) (w * s)), Math.max(1, (int) (h * s)), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(full, 0, 0, out.getWidth(), out.getHeight(), null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
