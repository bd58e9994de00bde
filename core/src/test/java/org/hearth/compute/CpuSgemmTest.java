package org.hearth.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hearth.compute.cpu.CpuBackend;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.GemmJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CpuSgemmTest {

    private static CpuBackend two;
    private static CpuBackend one;

    @BeforeAll
    static void start() {
        two = new CpuBackend(2);
        one = new CpuBackend(1);
    }

    @AfterAll
    static void stop() {
        two.close();
        one.close();
    }

    @ParameterizedTest(name = "{0}x{1} * {1}x{2}")
    // The last shape has packed B over 16 MiB: B is packed block by block between barriers.
    @CsvSource({"1,1,1", "17,33,9", "256,300,129", "6,256,32", "7,1,40", "5,700,3", "61,513,1100", "200,64,512", "100,2100,2050"})
    void equalsDoubleReferenceWithinRoundingOfAnyShape(int m, int k, int n) {
        GemmJob job = GemmTestData.random(m, k, n, 31L * m + 7L * k + n);
        double[] abs = new double[m * n];
        double[] ref = GemmTestData.reference(job, abs);
        for (CpuBackend backend : new CpuBackend[] {one, two}) {
            float[] c = backend.gemm(job, CancelToken.none());
            assertEquals((long) m * n, c.length);
            for (int i = 0; i < c.length; i++) {
                // f32 dot products: error ≤ k·u·Σ|a||b| in the worst case (u = 2^-24), any order.
                double bound = k * 0x1.0p-24 * abs[i] + 1e-30;
                double err = Math.abs(c[i] - ref[i]);
                int row = i / n, col = i % n;
                assertTrue(err <= bound, () -> "C[" + row + "," + col + "] = " + c[row * n + col] + ", expected "
                        + ref[row * n + col] + " (error " + err + " > " + bound + ") on " + backend.threads() + " thread(s)");
            }
        }
    }
}
