package org.hearth.compute.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hearth.compute.thermal.GpuReading;
import org.hearth.compute.thermal.ThermalReading;
import org.junit.jupiter.api.Test;

/** Hysteresis: pause at once, resume only after every rule stayed clear past a lower mark for the delay. */
class SharingGateTest {

    private static final ProviderPolicy IDLE_ONLY = new ProviderPolicy(true, false, 80, 0, 24);
    private static final ThermalReading NO_SENSORS = ThermalReading.none("no NVIDIA driver", "no sensor");
    private static final long SECOND = 1_000_000_000L;

    private final SharingGate gate = new SharingGate(Duration.ofSeconds(30));

    private SharingGate.Decision busy(double share, long atSeconds) {
        return gate.decide(IDLE_ONLY, ComputeLimits.NONE, new MachineState(share, false, 12), NO_SENSORS, atSeconds * SECOND);
    }

    @Test
    void aLoadHoveringAroundTheThresholdDoesNotFlap() {
        assertFalse(busy(0.10, 0).paused());
        assertTrue(busy(0.30, 5).paused(), "pauses at once above 25 %");
        // the load hovers between 20 and 24 %: under the pause mark but over the resume mark
        for (int t = 10; t <= 300; t += 5) {
            SharingGate.Decision d = busy(t % 10 == 0 ? 0.20 : 0.24, t);
            assertTrue(d.paused(), "still paused at " + t + " s");
            assertEquals(Duration.ZERO, d.resumingIn(), "no countdown while the load is over the resume mark");
        }
        // under 15 %: the countdown starts and must run out before work resumes
        SharingGate.Decision first = busy(0.05, 305);
        assertTrue(first.paused());
        assertEquals(Duration.ofSeconds(30), first.resumingIn());
        assertTrue(first.reason().orElseThrow().contains("in use"), first.reason().orElseThrow());
        assertEquals(Duration.ofSeconds(10), busy(0.05, 325).resumingIn());
        // a spike resets the countdown
        assertTrue(busy(0.18, 330).paused());
        assertEquals(Duration.ofSeconds(30), busy(0.05, 335).resumingIn());
        assertTrue(busy(0.05, 360).paused());
        assertFalse(busy(0.05, 365).paused(), "resumes after 30 s clear");
        // running again, a load between the marks does not pause
        assertFalse(busy(0.20, 370).paused());
    }

    @Test
    void temperatureLimitsPauseAtTheLimitAndResumeFiveDegreesUnder() {
        ComputeLimits limits = new ComputeLimits(80, 90);
        ProviderPolicy always = new ProviderPolicy(false, false, 100, 0, 24);
        SharingGate quick = new SharingGate(Duration.ZERO);
        MachineState m = new MachineState(0, false, 12);
        assertFalse(quick.decide(always, limits, m, gpu(79), 0).paused());
        assertEquals(Optional.of("the GPU is at 80 °C (limit 80 °C)"), quick.decide(always, limits, m, gpu(80), SECOND).reason());
        assertTrue(quick.decide(always, limits, m, gpu(76), 2 * SECOND).paused(), "76 °C is within 5 degrees of the limit");
        assertTrue(quick.decide(always, limits, m, gpu(75), 3 * SECOND).paused(), "75 °C is 5 degrees under: not more");
        assertFalse(quick.decide(always, limits, m, gpu(74), 4 * SECOND).paused());

        ThermalReading hotCpu = new ThermalReading(List.of(), "no NVIDIA driver", 93, "");
        assertEquals(Optional.of("the CPU is at 93 °C (limit 90 °C)"), quick.decide(always, limits, m, hotCpu, 5 * SECOND).reason());
    }

    @Test
    void aLimitWithoutASensorNeverPauses() {
        ProviderPolicy always = new ProviderPolicy(false, false, 100, 0, 24);
        assertFalse(gate.decide(always, new ComputeLimits(40, 40), new MachineState(0, false, 12), NO_SENSORS, 0).paused());
    }

    @Test
    void limitsAreStoredAsTextAndCheckedWhenMade() {
        assertEquals(new ComputeLimits(83, 0), ComputeLimits.decode(new ComputeLimits(83, 0).encode()));
        assertEquals(ComputeLimits.NONE, ComputeLimits.decode("hot"));
        assertEquals(ComputeLimits.NONE, ComputeLimits.decode("20,300"));
    }

    private static ThermalReading gpu(int celsius) {
        return new ThermalReading(List.of(new GpuReading(0, "Test GPU", celsius, 250_000)), "", -1, "no sensor");
    }
}
