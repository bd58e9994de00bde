package org.hearth.compute.job;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Gemm jobs and results as bytes. Matrices are little-endian f32, row-major. A job blob is a 16-byte
 * header ("HGM1", then m, k, n as little-endian int32) followed by A (m·k floats) and B (k·n floats); a
 * result blob is C (m·n floats) with no header. Sizes are checked against {@link JobLimits} before any
 * matrix is allocated.
 */
public final class GemmBlobs {

    private static final int MAGIC = 0x314D4748; // "HGM1" read little-endian
    public static final int HEADER_BYTES = 16;

    private GemmBlobs() {
    }

    public static byte[] encodeJob(GemmJob job) {
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(HEADER_BYTES + 4L * (job.a().length + job.b().length)))
                .order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(MAGIC).putInt(job.m()).putInt(job.k()).putInt(job.n());
        buf.asFloatBuffer().put(job.a()).put(job.b());
        return buf.array();
    }

    public static GemmJob decodeJob(byte[] blob, JobLimits limits) {
        if (blob == null || blob.length < HEADER_BYTES) {
            throw new JobRejectedException("gemm job blob is shorter than its " + HEADER_BYTES + "-byte header");
        }
        ByteBuffer buf = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        if (buf.getInt() != MAGIC) {
            throw new JobRejectedException("gemm job blob does not start with HGM1");
        }
        long m = Integer.toUnsignedLong(buf.getInt());
        long k = Integer.toUnsignedLong(buf.getInt());
        long n = Integer.toUnsignedLong(buf.getInt());
        limits.checkGemmShape(m, k, n);
        long expected = HEADER_BYTES + 4 * (m * k + k * n);
        if (blob.length != expected) {
            throw new JobRejectedException("gemm job blob has " + blob.length + " bytes, expected " + expected
                    + " for " + m + "x" + k + " * " + k + "x" + n);
        }
        float[] a = new float[(int) (m * k)];
        float[] b = new float[(int) (k * n)];
        buf.asFloatBuffer().get(a).get(b);
        return new GemmJob((int) m, (int) k, (int) n, a, b);
    }

    /** Little-endian f32 bytes of a matrix. */
    public static byte[] encodeMatrix(float[] values) {
        ByteBuffer buf = ByteBuffer.allocate(Math.multiplyExact(values.length, 4)).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        return buf.array();
    }

    /** A matrix of exactly {@code rows*cols} little-endian f32 values. */
    public static float[] decodeMatrix(byte[] blob, int rows, int cols) {
        long count = (long) rows * cols;
        if (rows <= 0 || cols <= 0 || count > Integer.MAX_VALUE / 4) {
            throw new JobRejectedException("matrix " + rows + "x" + cols + " is empty or too large");
        }
        if (blob == null || blob.length != count * 4) {
            throw new JobRejectedException("matrix blob has " + (blob == null ? 0 : blob.length) + " bytes, expected "
                    + count * 4 + " for " + rows + "x" + cols + " f32");
        }
        float[] out = new float[(int) count];
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    /**
     * Index of the first NaN or infinity among the little-endian f32 values of {@code blob}, or -1; read in place.
     * Plain byte reads: a value's exponent is all ones only if its top byte has 0x7f in its low bits, which
     * almost no finite value has, so the loop mostly tests one byte per value. A loop of memory-segment or
     * var-handle reads costs 20-30 ms per megabyte in the interpreter, and a requester's first checks run there.
     */
    public static int firstNonFinite(byte[] blob) {
        int count = blob.length / 4;
        for (int i = 0, top = 3; i < count; i++, top += 4) {
            if ((blob[top] & 0x7f) == 0x7f && (blob[top - 1] & 0x80) != 0) {
                return i;
            }
        }
        return -1;
    }

    public static byte[] encodeResult(float[] c) {
        return encodeMatrix(c);
    }

    public static float[] decodeResult(byte[] blob, int m, int n) {
        return decodeMatrix(blob, m, n);
    }
}
