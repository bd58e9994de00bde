package org.hearth.nft.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.Base64;
import org.hearth.fetch.MediaSniffer;
import org.hearth.problem.HearthException;
import org.junit.jupiter.api.Test;

/** WebP through TwelveMonkeys' ImageIO plug-in: decoded like the other bitmaps, with the same size check before any pixel. */
class ThumbnailsWebpTest {

    /** 8 × 6 lossless WebP (made with cwebp -lossless): red on the left half, blue on the right. */
    private static final byte[] WEBP = Base64.getDecoder().decode("UklGRiQAAABXRUJQVlA4TBcAAAAvB0ABAA8Q87//8x8OAIJI8N9rIqL/IQA=");

    @Test
    void aLosslessWebpIsDecoded() {
        assertEquals(MediaSniffer.WEBP, MediaSniffer.sniff(WEBP));
        BufferedImage img = Thumbnails.render(WEBP, 64);
        assertEquals(8, img.getWidth());
        assertEquals(6, img.getHeight());
        assertEquals(0xffff0000, img.getRGB(1, 3));
        assertEquals(0xff0000ff, img.getRGB(6, 3));
    }

    @Test
    void aWebpThatClaimsAHugeCanvasIsRefusedBeforeDecoding() {
        byte[] huge = WEBP.clone();
        // VP8L header after the 0x2f signature: 14 bits width-1, 14 bits height-1, alpha and version bits kept
        int bits = (huge[21] & 0xff) | (huge[22] & 0xff) << 8 | (huge[23] & 0xff) << 16 | (huge[24] & 0xff) << 24;
        bits = (bits & 0xf0000000) | 16383 | 16383 << 14;
        for (int i = 0; i < 4; i++) {
            huge[21 + i] = (byte) (bits >>> (8 * i));
        }
        HearthException e = assertThrows(HearthException.class, () -> Thumbnails.render(huge, 64));
        assertEquals("nft.imageTooLarge", e.key());
    }

    @Test
    void aTruncatedWebpSaysItIsBroken() {
        byte[] cut = java.util.Arrays.copyOf(WEBP, 30);
        assertEquals("nft.imageBroken", assertThrows(HearthException.class, () -> Thumbnails.render(cut, 64)).key());
    }
}
