// CUDA build of the one GEMM kernel: the OpenCL C source (verified on every OpenCL device, PoCL
// included) compiled by nvcc with the OpenCL names mapped to CUDA's. Larger tiles suit big GPUs.
#define HEARTH_CUDA 1
#define WORKGROUP
#define __kernel extern "C" __global__ __launch_bounds__(RTSM * RTSN)
#define __global
#define __local __shared__
#define CLK_LOCAL_MEM_FENCE 0
#define barrier(fence) __syncthreads()
#define get_local_id(d) ((d) == 0 ? (int) threadIdx.x : (int) threadIdx.y)
#define get_group_id(d) ((d) == 0 ? (int) blockIdx.x : (int) blockIdx.y)

#define TSM 128
#define TSN 128
#define TSK 16
#define WPTM 8
#define WPTN 8

#include "../resources/org/hearth/compute/kernels/gemm.cl"
