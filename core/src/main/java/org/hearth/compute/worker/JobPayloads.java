package org.hearth.compute.worker;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.hearth.compute.job.GemmBlobs;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.JobLimits;
import org.hearth.compute.job.JobRejectedException;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.scene.Scene;

/**
 * Payloads of SUBMIT, RESULT, PROGRESS and ERROR frames. Decoding checks every size against the
 * job limits before allocating; anything wrong is a {@link JobRejectedException} naming the field.
 */
public final class JobPayloads {

    public static final byte KIND_GEMM = 1;
    public static final byte KIND_RENDER = 2;
    /** Test hook: a job that halts the worker, as a driver crash in a kernel would. */
    public static final byte KIND_TEST_CRASH = 99;

    public static final byte STATE_STARTED = 1;
    public static final byte STATE_PAUSED = 2;
    public static final byte STATE_RESUMED = 3;

    private static final int RENDER_HEADER = 7 * 4 + 8;

    private JobPayloads() {
    }

    /** A decoded SUBMIT: the job (GemmJob or RenderJob, null for a test job). */
    public record Submit(long jobId, byte kind, Object job) {
    }

    /** A decoded RESULT. */
    public record Result(long jobId, String backend, long nanos, float[] values) {
    }

    /** A decoded ERROR: {@code kind} says whether the job was rejected, cancelled or failed. */
    public record Error(long jobId, WorkerError kind, String message) {
    }

    public static Frame submitGemm(long jobId, GemmJob job) {
        return submit(jobId, KIND_GEMM, GemmBlobs.encodeJob(job));
    }

    public static Frame submitRender(long jobId, RenderJob job) {
        byte[] scene = job.scene().toJson().getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(RENDER_HEADER + scene.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(job.width()).putInt(job.height()).putInt(job.tileX()).putInt(job.tileY())
                .putInt(job.tileW()).putInt(job.tileH()).putInt(job.samplesPerPixel()).putLong(job.seed()).put(scene);
        return submit(jobId, KIND_RENDER, buf.array());
    }

    public static Frame submit(long jobId, byte kind, byte[] blob) {
        return new Frame(FrameType.SUBMIT, ByteBuffer.allocate(9 + blob.length).putLong(jobId).put(kind).put(blob).array());
    }

    /** The job id of a SUBMIT even when its blob is bad, so the error can name the job. */
    public static long jobIdOf(Frame frame) {
        return frame.payload().length >= 8 ? ByteBuffer.wrap(frame.payload()).getLong() : -1;
    }

    public static Submit decodeSubmit(Frame frame, JobLimits limits) {
        byte[] p = frame.payload();
        if (p.length < 9) {
            throw new JobRejectedException("job message is shorter than its 9-byte header");
        }
        ByteBuffer buf = ByteBuffer.wrap(p);
        long jobId = buf.getLong();
        byte kind = buf.get();
        byte[] blob = Arrays.copyOfRange(p, 9, p.length);
        return switch (kind) {
            case KIND_GEMM -> new Submit(jobId, kind, limits.check(GemmBlobs.decodeJob(blob, limits)));
            case KIND_RENDER -> new Submit(jobId, kind, limits.check(decodeRender(blob)));
            case KIND_TEST_CRASH -> new Submit(jobId, kind, null);
            default -> throw new JobRejectedException("unknown job kind " + kind + " (this worker runs gemm and render)");
        };
    }

    private static RenderJob decodeRender(byte[] blob) {
        if (blob.length < RENDER_HEADER) {
            throw new JobRejectedException("render job blob is shorter than its " + RENDER_HEADER + "-byte header");
        }
        if (blob.length - RENDER_HEADER > Scene.MAX_JSON_CHARS * 4) {
            throw new JobRejectedException("render scene of " + (blob.length - RENDER_HEADER) + " bytes is too large");
        }
        ByteBuffer buf = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        int w = buf.getInt();
        int h = buf.getInt();
        int tx = buf.getInt();
        int ty = buf.getInt();
        int tw = buf.getInt();
        int th = buf.getInt();
        int spp = buf.getInt();
        long seed = buf.getLong();
        String json = new String(blob, RENDER_HEADER, blob.length - RENDER_HEADER, StandardCharsets.UTF_8);
        return new RenderJob(Scene.parse(json), w, h, tx, ty, tw, th, spp, seed);
    }

    public static Frame result(long jobId, String backend, long nanos, float[] values) {
        byte[] name = backend.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(8 + 8 + 1 + name.length + 4 * values.length).order(ByteOrder.BIG_ENDIAN);
        buf.putLong(jobId).putLong(nanos).put((byte) name.length).put(name);
        buf.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values);
        return new Frame(FrameType.RESULT, buf.array());
    }

    public static Result decodeResult(Frame frame) {
        byte[] p = frame.payload();
        if (p.length < 17 || p.length < 17 + (p[16] & 0xff) || (p.length - 17 - (p[16] & 0xff)) % 4 != 0) {
            throw new ProtocolException("malformed RESULT frame of " + p.length + " bytes");
        }
        ByteBuffer buf = ByteBuffer.wrap(p);
        long jobId = buf.getLong();
        long nanos = buf.getLong();
        int nameLength = buf.get() & 0xff;
        String backend = new String(p, 17, nameLength, StandardCharsets.UTF_8);
        buf.position(17 + nameLength);
        float[] values = new float[buf.remaining() / 4];
        buf.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return new Result(jobId, backend, nanos, values);
    }

    public static Frame progress(long jobId, byte state) {
        return new Frame(FrameType.PROGRESS, ByteBuffer.allocate(9).putLong(jobId).put(state).array());
    }

    public static Frame error(long jobId, WorkerError kind, String message) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(text.length, FrameType.Caps.CONTROL - 9);
        return new Frame(FrameType.ERROR, ByteBuffer.allocate(9 + length).putLong(jobId).put((byte) kind.ordinal()).put(text, 0, length).array());
    }

    public static Error decodeError(Frame frame) {
        byte[] p = frame.payload();
        if (p.length < 9 || (p[8] & 0xff) >= WorkerError.values().length) {
            throw new ProtocolException("malformed ERROR frame of " + p.length + " bytes");
        }
        return new Error(ByteBuffer.wrap(p).getLong(), WorkerError.values()[p[8]], new String(p, 9, p.length - 9, StandardCharsets.UTF_8));
    }
}
