package org.hearth.compute.thermal;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The temperatures the policy may limit on, with the plain reason where one cannot be read.
 *
 * @param gpus           GPUs the driver reports (empty when none or no driver)
 * @param gpuUnavailable why GPU temperatures cannot be read ("" when they can)
 * @param cpuCelsius     CPU package temperature, or -1 when the OS reports none
 * @param cpuUnavailable why the CPU temperature cannot be read ("" when it can)
 */
public record ThermalReading(List<GpuReading> gpus, String gpuUnavailable, int cpuCelsius, String cpuUnavailable) {

    public ThermalReading {
        gpus = List.copyOf(gpus);
        gpuUnavailable = gpuUnavailable == null ? "" : gpuUnavailable;
        cpuUnavailable = cpuUnavailable == null ? "" : cpuUnavailable;
    }

    /** Nothing read at all (before the first reading, or where no sensor exists). */
    public static ThermalReading none(String gpuReason, String cpuReason) {
        return new ThermalReading(List.of(), gpuReason, -1, cpuReason);
    }

    /** The hottest GPU that reports a temperature. */
    public OptionalInt hottestGpu() {
        return gpus.stream().mapToInt(GpuReading::celsius).filter(c -> c >= 0).max();
    }

    public OptionalInt cpu() {
        return cpuCelsius >= 0 ? OptionalInt.of(cpuCelsius) : OptionalInt.empty();
    }

    /** All GPUs' reported power together, when at least one reports it. */
    public OptionalLong gpuPowerMilliwatts() {
        long[] known = gpus.stream().mapToLong(GpuReading::powerMilliwatts).filter(p -> p >= 0).toArray();
        return known.length == 0 ? OptionalLong.empty() : OptionalLong.of(java.util.Arrays.stream(known).sum());
    }
}
