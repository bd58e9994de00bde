package org.hearth.compute.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.hearth.compute.provider.CpuTicksSource.CpuTicks;
import org.junit.jupiter.api.Test;
import oshi.SystemInfo;

/** The real OSHI source on this Linux machine, checked against the kernel's own files. */
class OshiMachineTest {

    @Test
    void ticksAreMonotonicNonNegativeAndInTheUnitTheProbeAssumes() throws Exception {
        OshiMachine machine = new OshiMachine();
        int logical = new SystemInfo().getHardware().getProcessor().getLogicalProcessorCount();
        CpuTicks first = machine.ticks();
        long firstWall = System.nanoTime();
        Thread.sleep(1000);
        CpuTicks second = machine.ticks();
        long secondWall = System.nanoTime();
        for (CpuTicks t : List.of(first, second)) {
            assertTrue(t.busy() >= 0 && t.busy() <= t.total(), t.toString());
        }
        assertTrue(second.busy() >= first.busy() && second.total() > first.total(), first + " then " + second);
        // every logical processor spends each wall-clock second somewhere, busy or idle: a wrong unit
        // (USER_HZ ticks taken for milliseconds) would be off by a factor of ten
        double tickedCpuSeconds = (second.total() - first.total()) * (double) machine.nanosPerTick() / 1e9;
        double wallCpuSeconds = (secondWall - firstWall) / 1e9 * logical;
        assertEquals(1.0, tickedCpuSeconds / wallCpuSeconds, 0.3, tickedCpuSeconds + " CPU-seconds ticked in " + wallCpuSeconds);
    }

    @Test
    void aBusyThreadShowsAsOtherProgramsUnlessItsTimeIsTheWorkers() throws Exception {
        MachineProbe.Sources oshi = OshiMachine.sources();
        MachineProbe othersOnly = new MachineProbe(() -> oshi); // this JVM plays the worker: its time is subtracted
        MachineProbe everything = new MachineProbe(() -> oshi); // told of no worker: the spinning thread is "another program"
        // both read the same ticks (OSHI keeps a reading for 300 ms), so they measure the same interval
        long cpuBefore = ownCpuNanos();
        everything.sample(0);
        othersOnly.sample(cpuBefore);
        long start = System.nanoTime();
        Thread spinner = Thread.ofPlatform().start(() -> spin(Duration.ofSeconds(1)));
        spinner.join();
        long cpuAfter = ownCpuNanos();
        double withSpinner = everything.sample(0).othersBusy();
        double withoutSpinner = othersOnly.sample(cpuAfter).othersBusy();
        long wall = System.nanoTime() - start;
        assertTrue(withSpinner > withoutSpinner, withSpinner + " with the spinning thread, " + withoutSpinner + " without");
        // the difference is this JVM's share of the machine, however much of a processor the spinner got
        // on a loaded machine; a unit error would shrink or swell it tenfold
        int logical = new SystemInfo().getHardware().getProcessor().getLogicalProcessorCount();
        double ownShare = (cpuAfter - cpuBefore) / (wall * (double) logical);
        assertTrue(withSpinner - withoutSpinner > 0.5 * ownShare && withSpinner - withoutSpinner < 2 * ownShare + 0.05,
                "this JVM used " + ownShare + " of the machine; the probes differ by " + (withSpinner - withoutSpinner));
    }

    @Test
    void powerSourcesAgreeWithTheKernel() throws IOException {
        List<PowerSources.State> states = new OshiMachine().states();
        assertEquals(kernelSaysOnBattery(), BatteryRule.onBattery(states), states.toString());
        assertEquals(kernelSaysOnBattery(), new MachineProbe().sample(0).onBattery());
        if (!hasSystemBattery()) {
            assertTrue(states.stream().allMatch(PowerSources.State::peripheral), "no battery powers this machine: " + states);
        }
    }

    @Test
    void theDefaultProbeIsSupportedHere() {
        MachineProbe probe = new MachineProbe();
        assertTrue(probe.supported(), probe.unavailableReason().orElse(""));
        assertEquals(java.util.Optional.empty(), probe.unavailableReason());
    }

    private static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }

    private static void spin(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long x = 0;
        while (System.nanoTime() < end) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        if (x == 42) {
            System.out.print(""); // keeps the loop from being optimised away
        }
    }

    private static final Path SUPPLIES = Path.of("/sys/class/power_supply");

    /** The kernel's answer: a system battery discharging and no mains adapter online. */
    private static boolean kernelSaysOnBattery() throws IOException {
        if (!Files.isDirectory(SUPPLIES)) {
            return false;
        }
        try (Stream<Path> all = Files.list(SUPPLIES)) {
            List<Path> supplies = all.toList();
            boolean mainsOnline = supplies.stream().anyMatch(p -> read(p, "type").equals("Mains") && read(p, "online").equals("1"));
            boolean discharging = supplies.stream().anyMatch(p -> isSystemBattery(p) && read(p, "status").equals("Discharging"));
            return discharging && !mainsOnline;
        }
    }

    private static boolean hasSystemBattery() throws IOException {
        if (!Files.isDirectory(SUPPLIES)) {
            return false;
        }
        try (Stream<Path> all = Files.list(SUPPLIES)) {
            return all.anyMatch(OshiMachineTest::isSystemBattery);
        }
    }

    private static boolean isSystemBattery(Path supply) {
        return read(supply, "type").equals("Battery") && !read(supply, "scope").equals("Device");
    }

    private static String read(Path supply, String attribute) {
        try {
            return Files.readString(supply.resolve(attribute)).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
