// f32 GEMM, row-major: C[M][N] = A[M][K] * B[K][N].
// Tiled through local memory with a WPTM x WPTN block of C per work-item (register blocking).
// The host pads M and N to multiples of TSM/TSN and K to a multiple of TSK (zeros), so there are
// no bounds checks here. Work-group g computes tile TILE0 + g of C, tiles numbered row-major, so the
// host can run any range of tiles per launch (pause and cancel act between launches).
// The same source is compiled for CUDA by core/src/main/cuda/gemm.cu (it maps the OpenCL names).
#ifndef TSM
#define TSM 64
#endif
#ifndef TSN
#define TSN 64
#endif
#ifndef TSK
#define TSK 16
#endif
#ifndef WPTM
#define WPTM 4
#endif
#ifndef WPTN
#define WPTN 4
#endif
#define RTSM (TSM / WPTM)
#define RTSN (TSN / WPTN)
#define THREADS (RTSM * RTSN)
#define LPTA ((TSK * TSM) / THREADS)
#define LPTB ((TSK * TSN) / THREADS)

#ifndef HEARTH_CUDA
#define WORKGROUP __attribute__((reqd_work_group_size(RTSN, RTSM, 1)))
#endif

__kernel WORKGROUP void gemm(const int M, const int N, const int K, const int TILE0,
                             __global const float* A, __global const float* B, __global float* C) {
    const int tidn = get_local_id(0);
    const int tidm = get_local_id(1);
    const int tid = tidm * RTSN + tidn;
    const int tile = TILE0 + get_group_id(0);
    const int tilesN = N / TSN;
    const int offsetN = TSN * (tile % tilesN);
    const int offsetM = TSM * (tile / tilesN);

    __local float Asub[TSK][TSM];
    __local float Bsub[TSK][TSN];

    float acc[WPTM][WPTN];
    for (int wm = 0; wm < WPTM; wm++) {
        for (int wn = 0; wn < WPTN; wn++) {
            acc[wm][wn] = 0.0f;
        }
    }

    for (int t = 0; t < K; t += TSK) {
        // Consecutive work-items read consecutive addresses (coalesced on GPUs).
        for (int l = 0; l < LPTA; l++) {
            const int id = l * THREADS + tid;
            const int row = id / TSK;
            const int col = id % TSK;
            Asub[col][row] = A[(offsetM + row) * K + t + col];
        }
        for (int l = 0; l < LPTB; l++) {
            const int id = l * THREADS + tid;
            const int row = id / TSN;
            const int col = id % TSN;
            Bsub[row][col] = B[(t + row) * N + offsetN + col];
        }
        barrier(CLK_LOCAL_MEM_FENCE);

        for (int k = 0; k < TSK; k++) {
            float breg[WPTN];
            for (int wn = 0; wn < WPTN; wn++) {
                breg[wn] = Bsub[k][tidn + wn * RTSN];
            }
            for (int wm = 0; wm < WPTM; wm++) {
                const float a = Asub[k][tidm + wm * RTSM];
                for (int wn = 0; wn < WPTN; wn++) {
                    acc[wm][wn] += a * breg[wn];
                }
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }

    for (int wm = 0; wm < WPTM; wm++) {
        const int row = offsetM + tidm + wm * RTSM;
        for (int wn = 0; wn < WPTN; wn++) {
            C[row * N + offsetN + tidn + wn * RTSN] = acc[wm][wn];
        }
    }
}
