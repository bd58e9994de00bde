package org.hearth.compute.thermal;

import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This machine's temperatures: GPUs through NVML (opened once; where it cannot be, the reason is kept
 * and said), the CPU through OSHI's sensors (Linux hwmon / thermal zones, macOS SMC, Windows WMI).
 */
public final class MachineThermals implements ThermalSource {

    private static final Logger LOG = LoggerFactory.getLogger(MachineThermals.class);

    private final String nvmlLibrary;
    private final Supplier<Double> cpuSensor;
    private Nvml nvml;
    private String gpuUnavailable;

    public MachineThermals() {
        this(Nvml.defaultLibrary(), OshiCpuTemperature::read);
    }

    /** {@code cpuSensor}: degrees Celsius, 0 or NaN where the OS reports none (OSHI's convention). */
    public MachineThermals(String nvmlLibrary, Supplier<Double> cpuSensor) {
        this.nvmlLibrary = nvmlLibrary;
        this.cpuSensor = cpuSensor;
    }

    @Override
    public synchronized ThermalReading read() {
        List<GpuReading> gpus = List.of();
        if (nvml == null && gpuUnavailable == null) {
            try {
                nvml = Nvml.open(nvmlLibrary);
            } catch (NvmlException e) {
                gpuUnavailable = e.getMessage();
                LOG.info("GPU temperatures cannot be read: {}", gpuUnavailable);
            }
        }
        String gpuReason = gpuUnavailable;
        if (nvml != null) {
            try {
                gpus = nvml.read();
                gpuReason = gpus.isEmpty() ? "the NVIDIA driver lists no GPU" : "";
            } catch (NvmlException e) {
                gpuReason = e.getMessage();
            }
        }
        double cpu;
        try {
            cpu = cpuSensor.get();
        } catch (RuntimeException | LinkageError e) {
            cpu = Double.NaN;
        }
        boolean cpuKnown = Double.isFinite(cpu) && cpu > 0;
        return new ThermalReading(gpus, gpuReason, cpuKnown ? (int) Math.round(cpu) : -1,
                cpuKnown ? "" : "the operating system reports no CPU temperature on this machine");
    }
}
