package org.hearth.compute.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.compute.provider.CpuTicksSource.CpuTicks;
import org.junit.jupiter.api.Test;

/** The probe's arithmetic and its fallback, over fixed tick sequences and power states. */
class MachineProbeTest {

    private static final long MILLIS = 1_000_000L;
    private static final long USER_HZ_TICK = 10_000_000L;

    /** Hands out the given readings in order; a null reading stands for a failed read. */
    private static final class FixedTicks implements CpuTicksSource {
        private final Deque<Optional<CpuTicks>> readings = new ArrayDeque<>();
        private final long nanosPerTick;

        FixedTicks(long nanosPerTick, CpuTicks... readings) {
            this.nanosPerTick = nanosPerTick;
            for (CpuTicks t : readings) {
                this.readings.add(Optional.ofNullable(t));
            }
        }

        @Override
        public CpuTicks ticks() {
            return readings.removeFirst().orElseThrow(() -> new IllegalStateException("/proc/stat unreadable"));
        }

        @Override
        public long nanosPerTick() {
            return nanosPerTick;
        }
    }

    private static MachineProbe probe(CpuTicksSource cpu, PowerSources.State... power) {
        return new MachineProbe(() -> new MachineProbe.Sources(cpu, () -> List.of(power)));
    }

    @Test
    void theWorkersCpuTimeIsSubtractedInTheTicksOwnUnit() {
        // 10 s of CPU time in the interval, 6 s busy, of which the worker used 2 s: others 4 s of 10
        MachineProbe userHz = probe(new FixedTicks(USER_HZ_TICK, new CpuTicks(2_000, 10_000), new CpuTicks(2_600, 11_000)));
        MachineProbe millis = probe(new FixedTicks(MILLIS, new CpuTicks(20_000, 100_000), new CpuTicks(26_000, 110_000)));
        assertEquals(0, userHz.sample(0).othersBusy(), "one reading is no interval yet");
        assertEquals(0, millis.sample(0).othersBusy());
        assertEquals(0.4, userHz.sample(2_000_000_000L).othersBusy(), 1e-9);
        assertEquals(0.4, millis.sample(2_000_000_000L).othersBusy(), 1e-9);
    }

    @Test
    void onlyTheWorkersTimeInTheIntervalCounts() {
        MachineProbe probe = probe(new FixedTicks(MILLIS, new CpuTicks(0, 0), new CpuTicks(500, 1_000), new CpuTicks(1_000, 2_000)));
        probe.sample(7_000_000_000L); // the worker had run 7 s before the first reading
        assertEquals(0.3, probe.sample(7_200_000_000L).othersBusy(), 1e-9);
        assertEquals(0.5, probe.sample(7_200_000_000L).othersBusy(), 1e-9, "the worker was paused: all busy time is others'");
    }

    @Test
    void aRestartedWorkerCountsFromZeroAgain() {
        MachineProbe probe = probe(new FixedTicks(MILLIS, new CpuTicks(0, 0), new CpuTicks(800, 1_000)));
        probe.sample(5_000_000_000L);
        // the old worker (5 s) died; the new one has used 0.3 s since it started, all in this interval
        assertEquals(0.5, probe.sample(300_000_000L).othersBusy(), 1e-9);
    }

    @Test
    void theShareStaysBetweenZeroAndOne() {
        CpuTicks before = new CpuTicks(1_000, 10_000);
        // the worker's clock ran ahead of the system's ticks (they are sampled at different instants)
        assertEquals(0, MachineProbe.othersShare(before, new CpuTicks(1_100, 10_200), 150 * MILLIS, MILLIS));
        // busy ticks moving faster than all ticks cannot mean more than the whole machine
        assertEquals(1, MachineProbe.othersShare(before, new CpuTicks(1_400, 10_200), 0, MILLIS));
        // counters that did not move, or went backwards, measure nothing
        assertEquals(0, MachineProbe.othersShare(before, before, 0, MILLIS));
        assertEquals(0, MachineProbe.othersShare(before, new CpuTicks(900, 9_000), 0, MILLIS));
        assertEquals(0.25, MachineProbe.othersShare(before, new CpuTicks(1_050, 10_200), 0, MILLIS), 1e-9);
    }

    @Test
    void aFailedReadCountsAsIdleAndTheNextIntervalStartsAfresh() {
        MachineProbe probe = probe(new FixedTicks(MILLIS, new CpuTicks(0, 0), null, new CpuTicks(900, 1_000), new CpuTicks(1_500, 2_000)));
        probe.sample(0);
        assertEquals(0, probe.sample(0).othersBusy());
        assertEquals(0, probe.sample(0).othersBusy(), "a new baseline, not the reading before the failure");
        assertEquals(0.6, probe.sample(0).othersBusy(), 1e-9);
        assertTrue(probe.supported(), "one failed read does not give up on the machine");
    }

    @Test
    void batteryStateComesFromThePowerSources() {
        CpuTicksSource cpu = new FixedTicks(MILLIS, new CpuTicks(0, 0));
        assertTrue(probe(cpu, new PowerSources.State("BAT0", false, false, true, false)).sample(0).onBattery());
        CpuTicksSource cpu2 = new FixedTicks(MILLIS, new CpuTicks(0, 0));
        assertFalse(probe(cpu2).sample(0).onBattery(), "no power source: mains");
    }

    @Test
    void whereOshiCannotLoadTheMachineIsIdleOnMainsAndTheProbeSaysWhy() {
        AtomicInteger attempts = new AtomicInteger();
        MachineProbe probe = new MachineProbe(() -> {
            attempts.incrementAndGet();
            throw new UnsatisfiedLinkError("Unable to load library 'jnidispatch'");
        });
        MachineState state = probe.sample(123_000_000_000L);
        assertEquals(0, state.othersBusy());
        assertFalse(state.onBattery());
        assertFalse(probe.supported());
        assertEquals(Optional.of("Unable to load library 'jnidispatch'"), probe.unavailableReason());
        probe.sample(0);
        assertEquals(1, attempts.get(), "a machine OSHI cannot read is not retried every sample");

        MachineProbe unknownOs = new MachineProbe(() -> {
            throw new UnsupportedOperationException("Operating system not supported: Plan 9");
        });
        MachineState fallback = unknownOs.sample(0);
        assertEquals(0, fallback.othersBusy());
        assertFalse(fallback.onBattery());
        assertEquals(Optional.of("Operating system not supported: Plan 9"), unknownOs.unavailableReason());
    }

    @Test
    void aNativeFailureOnTheFirstReadAlsoFallsBack() {
        CpuTicksSource broken = new CpuTicksSource() {
            @Override
            public CpuTicks ticks() {
                throw new NoClassDefFoundError("com/sun/jna/Native");
            }

            @Override
            public long nanosPerTick() {
                return MILLIS;
            }
        };
        MachineProbe probe = probe(broken);
        assertEquals(0, probe.sample(0).othersBusy());
        assertFalse(probe.supported());
        assertEquals(Optional.of("com/sun/jna/Native"), probe.unavailableReason());
    }
}
