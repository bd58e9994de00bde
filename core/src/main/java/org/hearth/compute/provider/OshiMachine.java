package org.hearth.compute.provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import oshi.PlatformEnum;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.TickType;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.PowerSource;

/**
 * The machine's CPU ticks and power sources through OSHI (Linux, macOS, Windows). Building one loads
 * OSHI and JNA, which throws where either cannot run; {@link MachineProbe} turns that into its fallback.
 */
final class OshiMachine implements CpuTicksSource, PowerSources {

    private static final Path LINUX_POWER_SUPPLY = Path.of("/sys/class/power_supply");

    private final HardwareAbstractionLayer hardware;
    private final CentralProcessor processor;
    private final PlatformEnum platform;

    OshiMachine() {
        SystemInfo info = new SystemInfo(); // throws UnsupportedOperationException on an OS OSHI does not know
        this.platform = SystemInfo.getCurrentPlatform();
        this.hardware = info.getHardware();
        this.processor = hardware.getProcessor();
    }

    static MachineProbe.Sources sources() {
        OshiMachine machine = new OshiMachine();
        return new MachineProbe.Sources(machine, machine);
    }

    @Override
    public CpuTicks ticks() {
        long[] ticks = processor.getSystemCpuLoadTicks();
        long total = 0;
        for (long t : ticks) {
            total += t;
        }
        long idle = ticks[TickType.IDLE.getIndex()] + ticks[TickType.IOWAIT.getIndex()];
        return new CpuTicks(total - idle, total);
    }

    /**
     * OSHI converts Linux's USER_HZ ticks (from /proc/stat) and Windows' 100 ns counts to milliseconds;
     * on macOS it passes the kernel's host_statistics ticks through unconverted, and those advance at
     * 100 per second (the CLK_TCK that psutil and top divide them by).
     */
    @Override
    public long nanosPerTick() {
        return platform == PlatformEnum.MACOS ? 10_000_000L : 1_000_000L;
    }

    @Override
    public List<State> states() {
        return hardware.getPowerSources().stream()
                .map(p -> new State(p.getName(), p.isPowerOnLine(), p.isCharging(), p.isDischarging(), peripheral(p)))
                .toList();
    }

    /**
     * Linux lists a wireless mouse's or game pad's battery in the same power_supply class as the
     * laptop's and marks it with scope "Device"; OSHI does not pass the scope on, so it is read here.
     * Windows and macOS list only the batteries (and UPSes) that power the computer.
     */
    private boolean peripheral(PowerSource source) {
        String name = source.getName();
        if (platform != PlatformEnum.LINUX || name == null || name.isEmpty() || name.contains("/") || name.startsWith(".")) {
            return false;
        }
        try {
            return Files.readString(LINUX_POWER_SUPPLY.resolve(name).resolve("scope")).strip().equals("Device");
        } catch (IOException | RuntimeException e) {
            return false; // no scope attribute: a system battery
        }
    }
}
