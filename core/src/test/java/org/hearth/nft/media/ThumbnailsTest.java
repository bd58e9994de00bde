package org.hearth.nft.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.hearth.problem.HearthException;
import org.hearth.testing.CountingHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hostile images: nothing runs, nothing is fetched, nothing huge is allocated, and each refusal says why. */
class ThumbnailsTest {

    private static final int RED = 0xffff0000;
    private CountingHttpServer server;

    @BeforeEach
    void start() {
        server = new CountingHttpServer().on("/", CountingHttpServer.bytes("image/png", png(4, 4)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static byte[] svg(String body) {
        return ("<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' width='100' height='100'>"
                + "<rect width='100' height='100' fill='#ff0000'/>" + body + "</svg>").getBytes(StandardCharsets.UTF_8);
    }

    private static void assertRedAndNothingElseHappened(BufferedImage img) {
        assertEquals(64, img.getWidth());
        assertEquals(RED, img.getRGB(32, 32));
    }

    @Test
    void scriptsEventHandlersAndForeignObjectsAreNeverRun() {
        assertRedAndNothingElseHappened(Thumbnails.render(svg("<script>java.lang.System.exit(3)</script>"), 64));
        assertRedAndNothingElseHappened(Thumbnails.render(svg("<rect width='1' height='1' onload='alert(1)' onclick='alert(2)'/>"), 64));
        assertRedAndNothingElseHappened(Thumbnails.render(svg(
                "<foreignObject width='100' height='100'><div xmlns='http://www.w3.org/1999/xhtml'><iframe src='http://127.0.0.1:"
                        + server.port() + "/f'/></div></foreignObject>"), 64));
        assertEquals(0, server.requests());
    }

    @Test
    void externalImagesAndStylesheetsAreNotFetched() {
        String base = "http://127.0.0.1:" + server.port();
        Thumbnails.render(svg("<image href='" + base + "/a.png' width='50' height='50'/><image xlink:href='" + base + "/b.png' width='50' height='50'/>"), 64);
        Thumbnails.render(("<?xml-stylesheet href='" + base + "/s.css' type='text/css'?>" + new String(svg(
                "<style>@import url(" + base + "/t.css); rect { fill: url(" + base + "/p.svg#x) }</style>"), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8), 64);
        Thumbnails.render(svg("<use href='" + base + "/u.svg#a'/><use xlink:href='file:///etc/passwd#a'/>"), 64);
        assertEquals(0, server.requests());
    }

    @Test
    void entityExpansionIsRefusedBeforeParsing() {
        String laughs = "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY a 'lol'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>"
                + "<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'><!ENTITY d '&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;'>]>"
                + "<svg xmlns='http://www.w3.org/2000/svg'><text>&d;&d;&d;&d;</text></svg>";
        HearthException e = assertThrows(HearthException.class, () -> Thumbnails.render(laughs.getBytes(StandardCharsets.UTF_8), 64));
        assertEquals("nft.svgRefused", e.key());
        String external = "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY x SYSTEM 'http://127.0.0.1:" + server.port()
                + "/xxe'>]><svg xmlns='http://www.w3.org/2000/svg'><text>&x;</text></svg>";
        assertEquals("nft.svgRefused", assertThrows(HearthException.class,
                () -> Thumbnails.render(external.getBytes(StandardCharsets.UTF_8), 64)).key());
        assertEquals(0, server.requests());
    }

    @Test
    void aHugeSvgCanvasIsDrawnSmall() {
        byte[] huge = "<svg xmlns='http://www.w3.org/2000/svg' width='20000' height='20000'><rect width='20000' height='20000' fill='#ff0000'/></svg>"
                .getBytes(StandardCharsets.UTF_8);
        BufferedImage img = Thumbnails.render(huge, 256);
        assertEquals(256, img.getWidth());
        assertEquals(256, img.getHeight());
        assertEquals(RED, img.getRGB(128, 128));
    }

    @Test
    void deeplyNestedSvgIsRefusedOrBounded() {
        String deep = "<g>".repeat(5_000) + "</g>".repeat(5_000);
        HearthException e = assertThrows(HearthException.class, () -> Thumbnails.render(svg(deep), 64));
        assertEquals("nft.imageBroken", e.key(), e.getMessage());
    }

    @Test
    void aPngThatClaimsAHugeSizeIsRefusedUndecoded() {
        byte[] liar = withSize(png(2, 2), 100_000, 100_000);
        HearthException e = assertThrows(HearthException.class, () -> Thumbnails.render(liar, 64));
        assertEquals("nft.imageTooLarge", e.key(), e.getMessage());
        assertTrue(e.getMessage().contains("100000 x 100000"), e.getMessage());
    }

    @Test
    void bitmapsAreScaledAndBrokenOnesExplained() {
        BufferedImage img = Thumbnails.render(png(300, 150), 64);
        assertEquals(64, img.getWidth());
        assertEquals(32, img.getHeight());
        byte[] truncated = java.util.Arrays.copyOf(png(300, 150), 60);
        assertEquals("nft.imageBroken", assertThrows(HearthException.class, () -> Thumbnails.render(truncated, 64)).key());
        assertEquals("nft.notImage", assertThrows(HearthException.class,
                () -> Thumbnails.render("{\"name\":1}".getBytes(StandardCharsets.UTF_8), 64)).key());
    }

    static byte[] png(int w, int h) {
        try {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The same PNG with its IHDR width and height changed (and the chunk's CRC fixed, so only the size lies). */
    static byte[] withSize(byte[] png, int w, int h) {
        byte[] b = png.clone();
        ByteBuffer buf = ByteBuffer.wrap(b);
        buf.putInt(16, w);
        buf.putInt(20, h);
        CRC32 crc = new CRC32();
        crc.update(b, 12, 17); // "IHDR" + 13 data bytes
        buf.putInt(29, (int) crc.getValue());
        return b;
    }
}
