package org.hearth.compute.cuda;

import java.util.Map;

/** Plain words for the CUresult codes people actually meet (cuda.h); others print by number. */
final class CudaErrors {

    private static final Map<Integer, String> WORDS = Map.ofEntries(
            Map.entry(1, "CUDA_ERROR_INVALID_VALUE"),
            Map.entry(2, "CUDA_ERROR_OUT_OF_MEMORY: not enough GPU memory"),
            Map.entry(3, "CUDA_ERROR_NOT_INITIALIZED"),
            Map.entry(4, "CUDA_ERROR_DEINITIALIZED"),
            Map.entry(34, "CUDA_ERROR_STUB_LIBRARY: this libcuda is the toolkit's stub, not a driver"),
            Map.entry(35, "CUDA_ERROR_INSUFFICIENT_DRIVER: the driver is older than the CUDA runtime needs"),
            Map.entry(46, "CUDA_ERROR_DEVICES_UNAVAILABLE: every GPU is busy or in exclusive mode"),
            Map.entry(100, "CUDA_ERROR_NO_DEVICE: no CUDA-capable GPU was found"),
            Map.entry(101, "CUDA_ERROR_INVALID_DEVICE"),
            Map.entry(200, "CUDA_ERROR_INVALID_IMAGE: the kernel file is damaged"),
            Map.entry(209, "CUDA_ERROR_NO_BINARY_FOR_GPU: the kernels were not built for this GPU"),
            Map.entry(218, "CUDA_ERROR_INVALID_PTX"),
            Map.entry(222, "CUDA_ERROR_UNSUPPORTED_PTX_VERSION: the driver is older than the nvcc that built the kernels"),
            Map.entry(304, "CUDA_ERROR_OPERATING_SYSTEM"),
            Map.entry(700, "CUDA_ERROR_ILLEGAL_ADDRESS"),
            Map.entry(999, "CUDA_ERROR_UNKNOWN"));

    private CudaErrors() {
    }

    static String describe(int code) {
        String words = WORDS.get(code);
        return words == null ? "CUresult " + code : words + " (" + code + ")";
    }
}
