package org.hearth.compute.provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the machine's state on Linux: CPU time from /proc/stat (minus the worker's own CPU time)
 * and AC power from /sys/class/power_supply. Elsewhere it reports an idle machine on mains power,
 * which the screen states plainly.
 */
public final class MachineProbe {

    private final Path proc;
    private final Path powerSupply;
    private long lastTotal = -1;
    private long lastBusy;
    private long lastWorkerNanos;

    public MachineProbe() {
        this(Path.of("/proc/stat"), Path.of("/sys/class/power_supply"));
    }

    MachineProbe(Path procStat, Path powerSupply) {
        this.proc = procStat;
        this.powerSupply = powerSupply;
    }

    public boolean supported() {
        return Files.isReadable(proc);
    }

    /** {@code workerCpuNanos}: total CPU time of the worker process so far (0 when none runs). */
    public synchronized MachineState sample(long workerCpuNanos) {
        return new MachineState(othersBusy(workerCpuNanos), onBattery(), LocalTime.now().getHour());
    }

    private double othersBusy(long workerCpuNanos) {
        long[] ticks = cpuTicks();
        if (ticks == null) {
            return 0;
        }
        long total = 0;
        for (long t : ticks) {
            total += t;
        }
        long idle = ticks[3] + (ticks.length > 4 ? ticks[4] : 0);
        long busy = total - idle;
        double share = 0;
        if (lastTotal >= 0 && total > lastTotal) {
            // /proc/stat counts in USER_HZ (100 per second on Linux); worker time is in nanoseconds
            double workerTicks = (workerCpuNanos - lastWorkerNanos) / 10_000_000.0;
            share = Math.max(0, (busy - lastBusy - workerTicks) / (double) (total - lastTotal));
        }
        lastTotal = total;
        lastBusy = busy;
        lastWorkerNanos = workerCpuNanos;
        return Math.min(1, share);
    }

    private long[] cpuTicks() {
        try {
            List<String> lines = Files.readAllLines(proc);
            String[] parts = lines.getFirst().trim().split("\\s+");
            if (!parts[0].equals("cpu")) {
                return null;
            }
            long[] ticks = new long[Math.min(parts.length - 1, 8)];
            for (int i = 0; i < ticks.length; i++) {
                ticks[i] = Long.parseLong(parts[i + 1]);
            }
            return ticks.length >= 4 ? ticks : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** On battery when a mains adapter exists and none of them is online. */
    private boolean onBattery() {
        if (!Files.isDirectory(powerSupply)) {
            return false;
        }
        try (Stream<Path> supplies = Files.list(powerSupply)) {
            List<Path> mains = supplies.filter(p -> read(p.resolve("type")).equals("Mains")).toList();
            return !mains.isEmpty() && mains.stream().noneMatch(p -> read(p.resolve("online")).equals("1"));
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
