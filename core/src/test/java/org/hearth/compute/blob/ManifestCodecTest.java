package org.hearth.compute.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.hearth.compute.job.JobLimits;
import org.junit.jupiter.api.Test;

class ManifestCodecTest {

    private static final Cid A = Cid.of("a".getBytes(StandardCharsets.US_ASCII));
    private static final Cid B = Cid.of("b".getBytes(StandardCharsets.US_ASCII));
    private final ManifestCodec codec = new ManifestCodec(JobLimits.DEFAULT);

    @Test
    void gemmAndRenderRoundTripThroughCanonicalBytes() {
        JobManifest gemm = new JobManifest.Gemm(512, 256, 128, A, B);
        byte[] bytes = ManifestCodec.encode(gemm);
        assertEquals("{\"version\":1,\"kernel\":\"gemm\",\"m\":512,\"n\":256,\"k\":128,\"a\":\"" + A + "\",\"b\":\"" + B + "\"}",
                new String(bytes, StandardCharsets.UTF_8));
        assertEquals(gemm, codec.parse(bytes));
        JobManifest render = new JobManifest.Render(A, 96, 64, 32, 16, 32, 32, 8, -5_000_000_000L);
        byte[] r = ManifestCodec.encode(render);
        assertEquals(render, codec.parse(r));
        assertArrayEquals(r, ManifestCodec.encode(codec.parse(r)), "canonical: same manifest, same blob id");
        String spaced = "{ \"kernel\": \"render\", \"version\": 1, \"scene\": \"" + A + "\", \"width\": 96, \"height\": 64,"
                + " \"tile\": {\"w\": 32, \"h\": 32, \"x\": 32, \"y\": 16}, \"samples\": 8, \"seed\": -5000000000 }";
        assertEquals(render, codec.parse(spaced.getBytes(StandardCharsets.UTF_8)), "field order and spaces do not matter");
    }

    @Test
    void malformedOrOversizeManifestsAreRefusedWithTheReason() {
        String gemm = "{\"version\":1,\"kernel\":\"gemm\",\"m\":4,\"n\":4,\"k\":4,\"a\":\"" + A + "\",\"b\":\"" + B + "\"";
        assertRefused(gemm + "}".repeat(1) + " ".repeat(ManifestCodec.MAX_BYTES), "over the cap of 4096");
        assertRefused("not json", "not valid JSON");
        assertRefused("[1,2]", "must be a JSON object");
        assertRefused(gemm + "} {}", "data after the JSON object");
        assertRefused(gemm + ",\"m\":5}", "not valid JSON"); // duplicate key
        assertRefused(gemm + ",\"code\":\"rm -rf\"}", "unknown field 'code'");
        assertRefused(gemm.replace("\"kernel\":\"gemm\"", "\"kernel\":\"shader\"") + "}", "unknown kernel 'shader'");
        assertRefused(gemm.replace("\"version\":1", "\"version\":2") + "}", "version 2 is not supported");
        assertRefused(gemm.replace("\"m\":4", "\"m\":\"4\"") + "}", "'m' must be a 32-bit integer");
        assertRefused(gemm.replace("\"m\":4", "\"m\":4.5") + "}", "'m' must be a 32-bit integer");
        assertRefused(gemm.replace("\"m\":4", "\"m\":99999999999") + "}", "'m' must be a 32-bit integer");
        assertRefused(gemm.replace("\"m\":4,", "") + "}", "lacks the field 'm'");
        assertRefused(gemm.replace("\"m\":4", "\"m\":100000") + "}", "exceeds the largest dimension allowed");
        assertRefused(gemm.replace("\"m\":4", "\"m\":0") + "}", "must be positive");
        assertRefused(gemm.replace(A.toString(), "QmY7Yh4UquoXHLPFo2XbhXkhBvFoPwmQUSa92pxnxjQuPU") + "}", "field 'a': blob id");
        assertRefused("[".repeat(50) + "]".repeat(50), "not valid JSON");
        String render = "{\"version\":1,\"kernel\":\"render\",\"scene\":\"" + A + "\",\"width\":96,\"height\":64,"
                + "\"tile\":{\"x\":80,\"y\":0,\"w\":32,\"h\":32},\"samples\":8,\"seed\":1}";
        assertRefused(render, "outside the 96x64 image");
        assertRefused(render.replace("\"x\":80", "\"x\":0").replace("\"samples\":8", "\"samples\":100000"), "samples per pixel");
        assertRefused(render.replace("\"x\":80", "\"x\":0").replace("\"seed\":1", "\"seed\":1e3"), "'seed' must be a 64-bit integer");
        assertRefused(render.replace("\"x\":80,", "\"x\":0,\"z\":1,"), "unknown field 'tile.z'");
    }

    private void assertRefused(String json, String expected) {
        BlobException e = assertThrows(BlobException.class, () -> codec.parse(json.getBytes(StandardCharsets.UTF_8)), json);
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }
}
