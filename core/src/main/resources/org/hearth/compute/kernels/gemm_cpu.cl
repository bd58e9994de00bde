// f32 GEMM for OpenCL CPU devices (PoCL), row-major: C[M][N] = A[M][K] * B[K][N].
// One work-item computes an 8 x 32 block of C in sixteen float16 registers (AVX-512 has 32); no
// local memory, since CPUs have caches. Work-item g computes block TILE0 + g, numbered down the
// columns first, so neighbours share a 32-column panel of B (K x 128 bytes, cache-resident) while
// A streams through. The host pads M to 8 and N to 32 with zeros.
#define ROWS(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7)

__kernel void gemm_cpu(const int M, const int N, const int K, const int TILE0,
                       __global const float* A, __global const float* B, __global float* C) {
    const int tilesM = M / 8;
    const int tile = TILE0 + (int) get_global_id(0);
    const int col = 32 * (tile / tilesM);
    const int row = 8 * (tile % tilesM);
    __global const float* a = A + row * K;
#define DECLARE(r) float16 lo##r = 0.0f, hi##r = 0.0f;
    ROWS(DECLARE)
    for (int k = 0; k < K; k++) {
        const float16 b0 = vload16(0, B + k * N + col);
        const float16 b1 = vload16(1, B + k * N + col);
#define ACCUMULATE(r) { const float ar = a[r * K + k]; lo##r += ar * b0; hi##r += ar * b1; }
        ROWS(ACCUMULATE)
    }
    __global float* c = C + row * N + col;
#define STORE(r) vstore16(lo##r, 0, c + r * N); vstore16(hi##r, 1, c + r * N);
    ROWS(STORE)
}
