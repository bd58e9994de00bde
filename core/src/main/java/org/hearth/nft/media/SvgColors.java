package org.hearth.nft.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * jsvg (2.1) draws CSS {@code hsl()} / {@code hsla()} colours as black, and on-chain art (the demo
 * world's embers among it) is often written in them: they are rewritten to {@code rgb()} / {@code rgba()}
 * before the SVG is parsed. Only colour text changes; nothing is added that could fetch or run.
 */
final class SvgColors {

    private static final Pattern HSL = Pattern.compile(
            "hsla?\\(\\s*(-?[0-9.]+)(?:deg)?\\s*[,\\s]\\s*([0-9.]+)%\\s*[,\\s]\\s*([0-9.]+)%\\s*(?:[,/]\\s*([0-9.]+)(%?)\\s*)?\\)",
            Pattern.CASE_INSENSITIVE);

    private SvgColors() {
    }

    static byte[] rewrite(byte[] svg) {
        String text = new String(svg, StandardCharsets.UTF_8);
        if (!text.toLowerCase(Locale.ROOT).contains("hsl")) {
            return svg;
        }
        Matcher m = HSL.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(rgb(m)));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String rgb(Matcher m) {
        try {
            double h = ((Double.parseDouble(m.group(1)) % 360) + 360) % 360 / 360;
            double s = clamp(Double.parseDouble(m.group(2)) / 100);
            double l = clamp(Double.parseDouble(m.group(3)) / 100);
            double q = l < 0.5 ? l * (1 + s) : l + s - l * s;
            double p = 2 * l - q;
            int r = channel(p, q, h + 1.0 / 3);
            int g = channel(p, q, h);
            int b = channel(p, q, h - 1.0 / 3);
            if (m.group(4) == null) {
                return "rgb(" + r + "," + g + "," + b + ")";
            }
            double a = clamp(Double.parseDouble(m.group(4)) / (m.group(5).isEmpty() ? 1 : 100));
            return "rgba(" + r + "," + g + "," + b + "," + a + ")";
        } catch (NumberFormatException e) {
            return m.group(); // not a number after all: left as it was
        }
    }

    private static int channel(double p, double q, double t) {
        t = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
        double v = t < 1.0 / 6 ? p + (q - p) * 6 * t : t < 0.5 ? q : t < 2.0 / 3 ? p + (q - p) * (2.0 / 3 - t) * 6 : p;
        return (int) Math.round(clamp(v) * 255);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
