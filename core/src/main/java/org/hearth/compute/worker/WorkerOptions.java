package org.hearth.compute.worker;

import java.util.ArrayList;
import java.util.List;

/**
 * How the worker child runs; passed to it as command-line flags.
 *
 * @param allowCpuDevices  use OpenCL CPU devices (PoCL); off by default, the CPU backend covers the processor
 * @param maxThreads       most threads the CPU backend may use; 0 for all processors
 * @param gpuMemoryMiB     most GPU memory one job may use, in MiB; 0 for the device's whole memory
 * @param dutyCyclePercent busy share while running jobs (1..100)
 * @param cudaLibrary      the CUDA driver library to load; null for the OS default (tests point it elsewhere)
 * @param backends         backends to consider, in order of preference; empty for all
 * @param testHooks        honour the test-only crash and hang messages
 * @param skipDevices      devices the user switched off, as {@code backend/device name}: within a backend the
 *                         worker uses the first device not listed here
 */
public record WorkerOptions(boolean allowCpuDevices, int maxThreads, long gpuMemoryMiB, int dutyCyclePercent,
                            String cudaLibrary, List<String> backends, boolean testHooks, List<String> skipDevices) {

    public WorkerOptions(boolean allowCpuDevices, int maxThreads, long gpuMemoryMiB, int dutyCyclePercent,
                         String cudaLibrary, List<String> backends, boolean testHooks) {
        this(allowCpuDevices, maxThreads, gpuMemoryMiB, dutyCyclePercent, cudaLibrary, backends, testHooks, List.of());
    }

    public static final List<String> ALL_BACKENDS = List.of("cuda", "opencl-gpu", "opencl-cpu", "cpu");

    public static WorkerOptions defaults() {
        return new WorkerOptions(false, 0, 0, 100, null, List.of(), false);
    }

    public WorkerOptions {
        if (maxThreads < 0 || gpuMemoryMiB < 0) {
            throw new IllegalArgumentException("thread and memory limits cannot be negative");
        }
        if (dutyCyclePercent < 1 || dutyCyclePercent > 100) {
            throw new IllegalArgumentException("duty cycle must be 1..100 %, got " + dutyCyclePercent);
        }
        backends = List.copyOf(backends);
        skipDevices = List.copyOf(skipDevices);
        for (String b : backends) {
            if (!ALL_BACKENDS.contains(b)) {
                throw new IllegalArgumentException("unknown backend " + b + "; known: " + ALL_BACKENDS);
            }
        }
    }

    public WorkerOptions withAllowCpuDevices(boolean allow) {
        return new WorkerOptions(allow, maxThreads, gpuMemoryMiB, dutyCyclePercent, cudaLibrary, backends, testHooks, skipDevices);
    }

    public WorkerOptions withBackends(List<String> only) {
        return new WorkerOptions(allowCpuDevices, maxThreads, gpuMemoryMiB, dutyCyclePercent, cudaLibrary, only, testHooks, skipDevices);
    }

    public WorkerOptions withMaxThreads(int threads) {
        return new WorkerOptions(allowCpuDevices, threads, gpuMemoryMiB, dutyCyclePercent, cudaLibrary, backends, testHooks, skipDevices);
    }

    public WorkerOptions withCudaLibrary(String library) {
        return new WorkerOptions(allowCpuDevices, maxThreads, gpuMemoryMiB, dutyCyclePercent, library, backends, testHooks, skipDevices);
    }

    public WorkerOptions withTestHooks(boolean on) {
        return new WorkerOptions(allowCpuDevices, maxThreads, gpuMemoryMiB, dutyCyclePercent, cudaLibrary, backends, on, skipDevices);
    }

    public WorkerOptions withSkipDevices(java.util.Collection<String> off) {
        return new WorkerOptions(allowCpuDevices, maxThreads, gpuMemoryMiB, dutyCyclePercent, cudaLibrary, backends, testHooks, List.copyOf(off));
    }

    public WorkerOptions withDutyCycle(int percent) {
        return new WorkerOptions(allowCpuDevices, maxThreads, gpuMemoryMiB, percent, cudaLibrary, backends, testHooks, skipDevices);
    }

    public List<String> effectiveBackends() {
        return backends.isEmpty() ? ALL_BACKENDS : backends;
    }

    public long gpuMemoryCapBytes() {
        return gpuMemoryMiB << 20;
    }

    public List<String> toArgs() {
        List<String> args = new ArrayList<>();
        if (allowCpuDevices) {
            args.add("--allow-cpu-devices");
        }
        args.add("--max-threads=" + maxThreads);
        args.add("--gpu-memory-mib=" + gpuMemoryMiB);
        args.add("--duty-cycle=" + dutyCyclePercent);
        if (cudaLibrary != null) {
            args.add("--cuda-library=" + cudaLibrary);
        }
        if (!backends.isEmpty()) {
            args.add("--backends=" + String.join(",", backends));
        }
        if (testHooks) {
            args.add("--test-hooks");
        }
        for (String device : skipDevices) {
            args.add("--skip-device=" + device); // one flag each: device names may hold commas
        }
        return args;
    }

    public static WorkerOptions parse(String[] args) {
        boolean allow = false;
        boolean hooks = false;
        int threads = 0;
        long mib = 0;
        int duty = 100;
        String cuda = null;
        List<String> backends = List.of();
        List<String> skip = new ArrayList<>();
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) {
                case "--allow-cpu-devices" -> allow = true;
                case "--test-hooks" -> hooks = true;
                case "--max-threads" -> threads = Integer.parseInt(value);
                case "--gpu-memory-mib" -> mib = Long.parseLong(value);
                case "--duty-cycle" -> duty = Integer.parseInt(value);
                case "--cuda-library" -> cuda = value;
                case "--backends" -> backends = List.of(value.split(","));
                case "--skip-device" -> skip.add(value);
                default -> throw new IllegalArgumentException("unknown worker option " + arg);
            }
        }
        return new WorkerOptions(allow, threads, mib, duty, cuda, backends, hooks, skip);
    }
}
