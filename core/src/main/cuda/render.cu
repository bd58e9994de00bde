// nvcc-flags: -fmad=false
// CUDA build of the render kernel: the OpenCL C source (tested against the CPU path tracer on PoCL)
// compiled by nvcc with the OpenCL names mapped to CUDA's. No fused multiply-add (see the flag above),
// as in the OpenCL build, so paths follow the CPU's roundings.
#include <cfloat>
#define HEARTH_CUDA 1
#define DEVICE static __device__
#define __kernel extern "C" __global__
#define __global
typedef unsigned int uint;
#define mul_hi(a, b) __umulhi((a), (b))
#define get_global_id(d) ((int) (blockIdx.x * blockDim.x + threadIdx.x))

#include "../resources/org/hearth/compute/kernels/render.cl"
