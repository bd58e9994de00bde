package org.hearth.compute.backend;

import java.util.ArrayList;
import java.util.List;

/** The candidates to self-test, in the order given (normally CUDA, OpenCL GPU, OpenCL CPU, CPU). */
public final class BackendCandidates {

    private BackendCandidates() {
    }

    /**
     * @param names           backend names in order of preference
     * @param cudaLibrary     the CUDA driver library; null for the OS default
     * @param gpuMemoryCap    most device memory per job in bytes; 0 for all
     * @param allowCpuDevices whether OpenCL CPU devices may be used
     * @param maxThreads      most CPU threads; 0 for all processors
     */
    public static List<BackendCandidate> probe(List<String> names, String cudaLibrary, long gpuMemoryCap,
                                               boolean allowCpuDevices, int maxThreads) {
        return probe(names, cudaLibrary, gpuMemoryCap, allowCpuDevices, maxThreads, java.util.Set.of());
    }

    /** @param skipDevices devices switched off ({@code backend/device name}): each GPU backend opens its first device not among them */
    public static List<BackendCandidate> probe(List<String> names, String cudaLibrary, long gpuMemoryCap,
                                               boolean allowCpuDevices, int maxThreads, java.util.Set<String> skipDevices) {
        List<BackendCandidate> out = new ArrayList<>();
        for (String name : names) {
            out.add(switch (name) {
                case "cuda" -> CudaProbe.probe(cudaLibrary, gpuMemoryCap, skipDevices);
                case "opencl-gpu" -> OpenClProbe.gpu(gpuMemoryCap, skipDevices);
                case "opencl-cpu" -> OpenClProbe.cpu(allowCpuDevices, gpuMemoryCap, skipDevices);
                case "cpu" -> CpuProbe.probe(maxThreads);
                default -> BackendCandidate.unavailable(name, "unknown backend");
            });
        }
        return out;
    }
}
