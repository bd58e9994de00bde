package org.hearth.nft.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** hsl() colours, which jsvg alone draws black, come out in their colour (the demo world's on-chain embers use them). */
class SvgColorsTest {

    private static int centre(String fill) {
        String svg = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><rect width='10' height='10' fill='" + fill + "'/></svg>";
        return Thumbnails.render(svg.getBytes(StandardCharsets.UTF_8), 10).getRGB(5, 5);
    }

    @Test
    void hslAndHslaAreDrawnInTheirColour() {
        assertEquals(0xffff0000, centre("hsl(0,100%,50%)"));
        assertEquals(0xff00ff00, centre("hsl(120, 100%, 50%)"));
        assertEquals(0xff0000ff, centre("HSL(240deg 100% 50%)"));
        assertEquals(0xff808080, centre("hsl(77,0%,50.2%)"));
        assertEquals(0xffffffff, centre("hsla(10,50%,100%,1)"));
    }

    @Test
    void somethingThatOnlyLooksLikeHslIsLeftAlone() {
        byte[] odd = "<svg><text>hsl(a,b%,c%) hsl(1.2.3,4%,5%)</text></svg>".getBytes(StandardCharsets.UTF_8);
        assertEquals("<svg><text>hsl(a,b%,c%) hsl(1.2.3,4%,5%)</text></svg>", new String(SvgColors.rewrite(odd), StandardCharsets.UTF_8));
    }
}
