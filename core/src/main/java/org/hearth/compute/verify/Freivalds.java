package org.hearth.compute.verify;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.hearth.compute.job.GemmBlobs;
import org.hearth.compute.job.GemmJob;

/**
 * Freivalds' check of a claimed C = A·B in O(mk + kn + mn) per round: for a random vector r, A·(B·r)
 * must equal C·r within a tolerance. All sums are in double.
 *
 * <p>Vectors: real values drawn uniformly from (−1, 1) after the result is in, by a generator seeded
 * for this check from a {@link SecureRandom}, so the provider cannot predict them. ±1 vectors are not
 * enough against a provider who knows the check: two errors of equal size and opposite sign in one row
 * cancel whenever their two signs agree, half the time. With real values, let row i be wrong and δ its
 * largest element error, at column j. Whatever the other entries of r are, the round passes only if r_j
 * falls in an interval of length 2τᵢ/δ, which has probability at most τᵢ/δ + 2⁻³² (r_j is uniform on a
 * grid of step 2⁻³¹). So a row with an element off by δ ≥ {@value #DETECTION_FACTOR}·τᵢ passes one
 * round with probability at most 1/{@value #DETECTION_FACTOR}, and all {@value #DEFAULT_ROUNDS}
 * independent rounds with at most 16⁻⁵ < 10⁻⁶: caught at least 99.9999% of the time (the market asks
 * 99.99%) however the errors were crafted (cancelling pairs, whole rows, many small errors). An element
 * off by δ between τᵢ and 16τᵢ escapes all rounds with at most (τᵢ/δ)⁵: 3% at 2τᵢ, 0.1% at 4τᵢ, 0.003%
 * at 8τᵢ. Five rounds are one pass over each matrix ({@link DoubleDot#GROUP}); ten would double the
 * check's cost to tighten that band only.
 *
 * <p>Tolerance: an honest f32 product may differ from the exact one by rounding. For each element
 * the error of an f32 dot product of length k is about u·√k·(|A|·|B|)ᵢⱼ (u = 2⁻²⁴, random-walk
 * rounding, any summation order); row i of C·r (|r_j| ≤ 1) may collect that from all n elements, so the
 * row's tolerance τᵢ is {@value #SAFETY}·u·√k·(|A|·(|B|·1))ᵢ — a sum of magnitudes, which is also far
 * above the √n growth of signed errors. NaN or infinity in C always fails.
 */
public final class Freivalds {

    /** Rounding error bound factor over u·√k: generous, since honest results must never fail. */
    public static final double SAFETY = 8.0;
    /** An element off by this many row tolerances is caught with the guarantee above. */
    public static final int DETECTION_FACTOR = 16;
    /** Rounds of the market's check: a crafted error of {@link #DETECTION_FACTOR}·τ escapes at most 16⁻⁵ of the time. */
    public static final int DEFAULT_ROUNDS = 5;
    private static final double U = 0x1.0p-24;

    private final int rounds;
    private final RandomGenerator random;

    /** The market's check: {@link #DEFAULT_ROUNDS} rounds, vectors from a generator seeded by a {@link SecureRandom}. */
    public static Freivalds standard() {
        return new Freivalds(DEFAULT_ROUNDS);
    }

    /** {@code rounds} rounds with vectors from a generator seeded by a {@link SecureRandom} for this check ({@link SecretRandom}: the party checked must not predict r). */
    public Freivalds(int rounds) {
        this(rounds, SecretRandom.freshGenerator());
    }

    /** Reproducible vectors for tests and benchmarks only: anyone who knows the seed knows r. */
    public Freivalds(int rounds, long seed) {
        this(rounds, new SplittableRandom(seed));
    }

    public Freivalds(int rounds, RandomGenerator random) {
        if (rounds < 1 || rounds > 64) {
            throw new IllegalArgumentException("rounds must be 1..64, got " + rounds);
        }
        this.rounds = rounds;
        this.random = random;
    }

    /** Upper bound on the chance that a row with an element off by {@code factor}·τ passes {@code rounds} rounds (the vectors' grid adds 2⁻³² a round). */
    public static double escapeBound(int rounds, double factor) {
        return Math.pow(1.0 / factor + 0x1.0p-32, rounds);
    }

    /**
     * @param failedRound 1-based round that failed, 0 when all passed
     * @param row         the row with the largest error relative to its tolerance
     * @param excess      that row's |A·B·r − C·r| divided by its tolerance (≤ 1 passes; NaN when C has NaN)
     */
    public record Result(boolean ok, int failedRound, int row, double excess) {
    }

    public Result check(GemmJob job, float[] c) {
        int m = job.m(), n = job.n();
        if (c == null || c.length != (long) m * n) {
            return new Result(false, 1, 0, Double.POSITIVE_INFINITY);
        }
        return check(m, job.k(), n, littleEndian(job.a()), littleEndian(job.b()), littleEndian(c));
    }

    /**
     * The same check on the matrices as they travel: A, B and C as raw row-major little-endian f32 bytes
     * (the job's input blobs and the result blob), read in place with no decoding copy.
     */
    public Result check(int m, int k, int n, byte[] a, byte[] b, byte[] c) {
        if (a.length != 4L * m * k || b.length != 4L * k * n) {
            throw new IllegalArgumentException("A and B must hold " + m + "x" + k + " and " + k + "x" + n + " f32 values");
        }
        if (c == null || c.length != 4L * m * n) {
            return new Result(false, 1, 0, Double.POSITIVE_INFINITY);
        }
        return check(m, k, n, MemorySegment.ofArray(a), MemorySegment.ofArray(b), MemorySegment.ofArray(c));
    }

    /**
     * One pass over each matrix for all rounds ({@link DoubleDot#GROUP} per pass over a row, which stays
     * in the first-level cache): B·r and the magnitudes |B|·1 together, then row by row A·(B·r) with the
     * row's tolerance |A|·(|B|·1), and C·r.
     */
    private Result check(int m, int k, int n, MemorySegment a, MemorySegment b, MemorySegment c) {
        int padded = (rounds + DoubleDot.GROUP - 1) / DoubleDot.GROUP * DoubleDot.GROUP;
        double[][] r = new double[padded][];
        for (int q = 0; q < padded; q++) {
            r[q] = q < rounds ? uniformVector(n) : new double[n]; // padding rounds are zero and never compared
        }
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        double[][] br = new double[padded][k];
        double[] bAbs = new double[k];
        double[] column = new double[padded];
        double[] column2 = new double[padded];
        double[] abs = new double[2];
        for (int p = 0; p < k; p += 2) { // two rows of B per pass: each of r's entries loaded once for both
            if (p + 1 < k) {
                DoubleDot.dotsPair(b, (long) p * n, (long) (p + 1) * n, r, n, ones, column, column2, abs);
                bAbs[p] = abs[0];
                bAbs[p + 1] = abs[1];
            } else {
                bAbs[p] = DoubleDot.dots(b, (long) p * n, r, n, ones, column);
            }
            for (int q = 0; q < padded; q++) {
                br[q][p] = column[q];
                if (p + 1 < k) {
                    br[q][p + 1] = column2[q];
                }
            }
        }
        double scale = SAFETY * U * Math.sqrt(k);
        double[] expected = new double[padded];
        double[] claimed = new double[padded];
        int worstRow = 0;
        double worst = 0;
        double[] expected2 = new double[padded];
        double[] unused = new double[2];
        double[] claimed2 = new double[padded];
        for (int i = 0; i < m; i += 2) { // two rows of A and of C per pass
            boolean pair = i + 1 < m;
            if (pair) {
                DoubleDot.dotsPair(a, (long) i * k, (long) (i + 1) * k, br, k, bAbs, expected, expected2, abs);
                DoubleDot.dotsPair(c, (long) i * n, (long) (i + 1) * n, r, n, null, claimed, claimed2, unused);
            } else {
                abs[0] = DoubleDot.dots(a, (long) i * k, br, k, bAbs, expected);
                DoubleDot.dots(c, (long) i * n, r, n, null, claimed);
            }
            for (int row = i; row < i + (pair ? 2 : 1); row++) {
                boolean second = row > i;
                double tolerance = scale * abs[second ? 1 : 0] + Double.MIN_NORMAL;
                double[] e = second ? expected2 : expected;
                double[] got = second ? claimed2 : claimed;
                for (int q = 0; q < rounds; q++) {
                    double excess = Math.abs(e[q] - got[q]) / tolerance;
                    if (!(excess <= 1.0)) {
                        return new Result(false, q + 1, row, excess);
                    }
                    if (excess > worst) {
                        worst = excess;
                        worstRow = row;
                    }
                }
            }
        }
        return new Result(true, 0, worstRow, worst);
    }

    /**
     * n values uniform on a grid of step 2⁻³¹ across (−1, 1): 32 random bits each, in one bulk draw (a
     * SecureRandom, which tests may pass, is slow per call). The grid adds at
     * most 2⁻³² to a round's escape chance ({@link #escapeBound}): an interval of length L holds at most
     * L/2 + 2⁻³² of the values' mass instead of L/2.
     */
    private double[] uniformVector(int n) {
        byte[] bytes = new byte[n * 4];
        random.nextBytes(bytes);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            v[j] = ((buf.getInt() & 0xffffffffL) + 0.5) * 0x1.0p-31 - 1.0;
        }
        return v;
    }

    /** Per-row tolerance SAFETY·u·√k·(|A|·(|B|·1))ᵢ, with a floor so that an all-zero row still has one (for tests; the check folds it into its passes). */
    static double[] tolerance(float[] a, float[] b, int m, int k, int n) {
        MemorySegment as = littleEndian(a), bs = littleEndian(b);
        double[][] none = new double[DoubleDot.GROUP][Math.max(k, n)];
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        double[] out = new double[DoubleDot.GROUP];
        double[] rowAbs = new double[k];
        for (int p = 0; p < k; p++) {
            rowAbs[p] = DoubleDot.dots(bs, (long) p * n, none, n, ones, out);
        }
        double scale = SAFETY * U * Math.sqrt(k);
        double[] tol = new double[m];
        for (int i = 0; i < m; i++) {
            tol[i] = scale * DoubleDot.dots(as, (long) i * k, none, k, rowAbs, out) + Double.MIN_NORMAL;
        }
        return tol;
    }

    /** A float[] as little-endian f32 in place (every platform Hearth ships on is little-endian; a copy elsewhere). */
    private static MemorySegment littleEndian(float[] v) {
        return ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? MemorySegment.ofArray(v) : MemorySegment.ofArray(GemmBlobs.encodeMatrix(v));
    }
}
