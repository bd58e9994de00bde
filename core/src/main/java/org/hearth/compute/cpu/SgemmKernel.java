package org.hearth.compute.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked microkernel: C[MR×NR] += Apanel·Bpanel over kc steps, with MR = 6 rows and
 * NR = 2 vectors of the preferred species (6×32 on AVX-512: 12 accumulators in registers). Kept in one
 * small method with every accumulator a local so C2 keeps them in registers (an un-inlined helper
 * would box them). Panels come from {@link SgemmPacking}: A as kc×MR, B as kc×NR, both contiguous.
 */
final class SgemmKernel {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int MR = 6;
    static final int NR = 2 * L;

    private SgemmKernel() {
    }

    /** Adds the MR×NR product of the packed panels into C at {@code cOff} with row stride {@code ldc}. */
    static void kernel(float[] ap, int aOff, float[] bp, int bOff, int kc, float[] c, int cOff, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        int ai = aOff;
        int bi = bOff;
        for (int p = 0; p < kc; p++, ai += MR, bi += NR) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector a = FloatVector.broadcast(S, ap[ai]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            a = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            a = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
        }
        int r = cOff;
        FloatVector.fromArray(S, c, r).add(c00).intoArray(c, r);
        FloatVector.fromArray(S, c, r + L).add(c01).intoArray(c, r + L);
        r += ldc;
        FloatVector.fromArray(S, c, r).add(c10).intoArray(c, r);
        FloatVector.fromArray(S, c, r + L).add(c11).intoArray(c, r + L);
        r += ldc;
        FloatVector.fromArray(S, c, r).add(c20).intoArray(c, r);
        FloatVector.fromArray(S, c, r + L).add(c21).intoArray(c, r + L);
        r += ldc;
        FloatVector.fromArray(S, c, r).add(c30).intoArray(c, r);
        FloatVector.fromArray(S, c, r + L).add(c31).intoArray(c, r + L);
        r += ldc;
        FloatVector.fromArray(S, c, r).add(c40).intoArray(c, r);
        FloatVector.fromArray(S, c, r + L).add(c41).intoArray(c, r + L);
        r += ldc;
        FloatVector.fromArray(S, c, r).add(c50).intoArray(c, r);
        FloatVector.fromArray(S, c, r + L).add(c51).intoArray(c, r + L);
    }
}
