package org.hearth.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.hearth.compute.job.GemmBlobs;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.JobLimits;
import org.hearth.compute.job.JobRejectedException;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.scene.Scene;
import org.junit.jupiter.api.Test;

class JobModelTest {

    @Test
    void gemmBlobsRoundTripAsLittleEndianF32() {
        GemmJob job = GemmTestData.random(3, 4, 5, 1);
        byte[] blob = GemmBlobs.encodeJob(job);
        assertEquals(16 + 4 * (12 + 20), blob.length);
        ByteBuffer le = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(job.a()[0], le.getFloat(16));
        GemmJob back = GemmBlobs.decodeJob(blob, JobLimits.DEFAULT);
        assertEquals(3, back.m());
        assertArrayEquals(job.a(), back.a());
        assertArrayEquals(job.b(), back.b());
        float[] c = {1.5f, -2f, Float.MIN_VALUE, 0f, 7f, 8f};
        assertArrayEquals(c, GemmBlobs.decodeResult(GemmBlobs.encodeResult(c), 2, 3));
    }

    @Test
    void malformedGemmBlobsAreRejectedWithTheReason() {
        byte[] blob = GemmBlobs.encodeJob(GemmTestData.random(3, 4, 5, 1));
        assertMessage("shorter than its 16-byte header", () -> GemmBlobs.decodeJob(new byte[7], JobLimits.DEFAULT));
        byte[] badMagic = blob.clone();
        badMagic[0] = 'X';
        assertMessage("HGM1", () -> GemmBlobs.decodeJob(badMagic, JobLimits.DEFAULT));
        assertMessage("expected 144", () -> GemmBlobs.decodeJob(java.util.Arrays.copyOf(blob, blob.length - 4), JobLimits.DEFAULT));
        byte[] negative = blob.clone();
        ByteBuffer.wrap(negative).order(ByteOrder.LITTLE_ENDIAN).putInt(4, -3);
        assertMessage("exceeds the largest dimension", () -> GemmBlobs.decodeJob(negative, JobLimits.DEFAULT));
        assertMessage("expected 24", () -> GemmBlobs.decodeResult(new byte[20], 2, 3));
        assertMessage("A has 5 floats", () -> new GemmJob(2, 3, 1, new float[5], new float[3]));
        assertMessage("must be positive", () -> new GemmJob(0, 3, 1, new float[0], new float[3]));
    }

    @Test
    void oversizeJobsAreRejectedBeforeAllocation() {
        // A header that claims 8193 x 8193 matrices: rejected on the header alone.
        ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0x314D4748).putInt(8193).putInt(8193).putInt(8193);
        assertMessage("largest dimension allowed, 8192", () -> GemmBlobs.decodeJob(header.array(), JobLimits.DEFAULT));
        JobLimits small = new JobLimits(64, 1 << 20, 16, 256, 100_000);
        assertMessage("exceeds the largest dimension allowed, 64", () -> small.checkGemmShape(64, 64, 65));
        assertMessage("bytes, over the limit", () -> new JobLimits(8192, 1 << 20, 16, 256, 1 << 20).checkGemmShape(512, 512, 512));
        Scene scene = ComputeTestScenes.small();
        assertMessage("samples per pixel exceeds", () -> small.check(RenderJob.fullImage(scene, 8, 8, 17, 1)));
        assertMessage("largest side allowed", () -> small.check(RenderJob.fullImage(scene, 257, 8, 1, 1)));
        assertMessage("over the limit of 100000", () -> small.check(RenderJob.fullImage(scene, 256, 256, 2, 1)));
        assertMessage("outside the 8x8 image", () -> new RenderJob(scene, 8, 8, 4, 4, 5, 4, 1, 1));
        assertMessage("samples per pixel must be positive", () -> RenderJob.fullImage(scene, 8, 8, 0, 1));
    }

    @Test
    void scenesRoundTripThroughJson() {
        Scene scene = ComputeTestScenes.small();
        assertEquals(4, scene.spheres().size());
        assertEquals(2, scene.planes().size());
        assertEquals(scene, Scene.parse(scene.toJson()));
    }

    @Test
    void malformedScenesAreRejectedNamingTheField() {
        String ok = ComputeTestScenes.SMALL;
        assertMessage("not valid JSON", () -> Scene.parse("{\"camera\": "));
        assertMessage("empty", () -> Scene.parse(" "));
        assertMessage("unknown field \"shader\"", () -> Scene.parse(ok.replace("\"background\"", "\"shader\": \"x\", \"background\"")));
        assertMessage("spheres[0].radius is -0.5", () -> Scene.parse(ok.replace("\"radius\": 0.5", "\"radius\": -0.5")));
        assertMessage("camera.fov", () -> Scene.parse(ok.replace("\"fov\": 45", "\"fov\": 1e40")));
        assertMessage("camera.fov must be a number", () -> Scene.parse(ok.replace("\"fov\": 45", "\"fov\": \"wide\"")));
        assertMessage("not valid JSON", () -> Scene.parse(ok.replace("\"fov\": 45", "\"fov\": NaN")));
        assertMessage("is not one of diffuse, metal, emissive", () -> Scene.parse(ok.replace("\"metal\"", "\"glass\"")));
        assertMessage("albedo[0] is 1.8", () -> Scene.parse(ok.replace("[0.8, 0.3, 0.3]", "[1.8, 0.3, 0.3]")));
        assertMessage("array of 3 numbers", () -> Scene.parse(ok.replace("[0, 1, 4]", "[0, 1]")));
        assertMessage("planes[0].normal must not be zero", () -> Scene.parse(ok.replace("\"normal\": [0, 1, 0]", "\"normal\": [0, 0, 0]")));
        assertMessage("lookAt must differ", () -> Scene.parse(ok.replace("[0, 0.5, 0], \"up\"", "[0, 1, 4], \"up\"")));
        assertMessage("scene.camera is missing", () -> Scene.parse("{\"background\": [0,0,0], \"spheres\": []}"));
        StringBuilder many = new StringBuilder("{\"camera\": {\"position\": [0,0,5], \"lookAt\": [0,0,0], \"fov\": 40}, \"background\": [0,0,0], \"spheres\": [");
        for (int i = 0; i <= Scene.MAX_SPHERES; i++) {
            many.append(i == 0 ? "" : ",").append("{\"center\": [0,0,0], \"radius\": 1, \"material\": {\"type\": \"diffuse\", \"albedo\": [1,1,1]}}");
        }
        assertMessage("spheres has 65 entries, over the limit of 64", () -> Scene.parse(many + "]}"));
        assertMessage("characters, over the limit", () -> Scene.parse(" ".repeat(Scene.MAX_JSON_CHARS) + ok));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        JobRejectedException e = assertThrows(JobRejectedException.class, call);
        assertTrue(e.getMessage().contains(expected), () -> "message \"" + e.getMessage() + "\" should contain \"" + expected + "\"");
    }
}
