package org.hearth.compute.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.hearth.compute.backend.GemmChecks;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.JobLimits;
import org.hearth.compute.job.JobRejectedException;
import org.junit.jupiter.api.Test;

/** The wire format: round trips, and every kind of bad frame rejected with a clear message before allocation. */
class FrameCodecTest {

    private static FrameCodec reading(byte... bytes) {
        return new FrameCodec(new ByteArrayInputStream(bytes), null);
    }

    @Test
    void framesRoundTrip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameCodec writer = new FrameCodec(null, out);
        writer.write(Frame.ofLong(FrameType.PING, 42));
        writer.write(Frame.of(FrameType.PAUSE));
        GemmJob job = GemmChecks.randomJob(3, 4, 5, 1);
        writer.write(JobPayloads.submitGemm(7, job));
        FrameCodec reader = new FrameCodec(new ByteArrayInputStream(out.toByteArray()), null);
        assertEquals(42, reader.read().longValue());
        assertEquals(FrameType.PAUSE, reader.read().type());
        JobPayloads.Submit submit = JobPayloads.decodeSubmit(reader.read(), JobLimits.DEFAULT);
        assertEquals(7, submit.jobId());
        assertArrayEquals(job.b(), ((GemmJob) submit.job()).b());
        assertNull(reader.read(), "clean end of stream between frames");
    }

    @Test
    void resultsAndErrorsRoundTrip() {
        float[] values = {1.5f, -2f, Float.MIN_VALUE};
        JobPayloads.Result r = JobPayloads.decodeResult(JobPayloads.result(9, "opencl-cpu", 1234, values));
        assertEquals(9, r.jobId());
        assertEquals("opencl-cpu", r.backend());
        assertEquals(1234, r.nanos());
        assertArrayEquals(values, r.values());
        JobPayloads.Error e = JobPayloads.decodeError(JobPayloads.error(3, WorkerError.REJECTED, "too big"));
        assertEquals(WorkerError.REJECTED, e.kind());
        assertEquals("too big", e.message());
    }

    @Test
    void anOversizeLengthIsRejectedBeforeAllocating() {
        // 2 GiB claimed for a PING, whose payload is 8 bytes.
        ProtocolException e = assertThrows(ProtocolException.class, () -> reading((byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 9).read());
        assertEquals("oversize frame: PING of 2147483646 bytes exceeds its cap of 8", e.getMessage());
        ProtocolException job = assertThrows(ProtocolException.class, () -> reading((byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 2).read());
        assertTrue(job.getMessage().startsWith("oversize frame: SUBMIT"), job.getMessage());
    }

    @Test
    void malformedFramesAreRejected() {
        assertEquals("malformed frame: unknown message type 200",
                assertThrows(ProtocolException.class, () -> reading((byte) 0, (byte) 0, (byte) 0, (byte) 1, (byte) 200).read()).getMessage());
        assertTrue(assertThrows(ProtocolException.class, () -> reading((byte) 0, (byte) 0, (byte) 0, (byte) 0).read())
                .getMessage().startsWith("malformed frame: length 0"));
        assertTrue(assertThrows(ProtocolException.class, () -> reading((byte) 0x80, (byte) 0, (byte) 0, (byte) 0, (byte) 9).read())
                .getMessage().startsWith("malformed frame: length 2147483648"));
        assertEquals("malformed frame: the stream ended inside a frame header",
                assertThrows(ProtocolException.class, () -> reading((byte) 0, (byte) 0).read()).getMessage());
        assertEquals("malformed frame: the stream ended inside a PING payload of 8 bytes",
                assertThrows(ProtocolException.class, () -> reading((byte) 0, (byte) 0, (byte) 0, (byte) 9, (byte) 9, (byte) 1).read()).getMessage());
    }

    @Test
    void badJobBlobsAreRejectedWithTheReason() {
        JobRejectedException shortHeader = assertThrows(JobRejectedException.class,
                () -> JobPayloads.decodeSubmit(JobPayloads.submit(1, JobPayloads.KIND_GEMM, new byte[3]), JobLimits.DEFAULT));
        assertTrue(shortHeader.getMessage().contains("shorter than its 16-byte header"), shortHeader.getMessage());
        JobRejectedException unknown = assertThrows(JobRejectedException.class,
                () -> JobPayloads.decodeSubmit(JobPayloads.submit(1, (byte) 42, new byte[0]), JobLimits.DEFAULT));
        assertEquals("unknown job kind 42 (this worker runs gemm and render)", unknown.getMessage());
    }
}
