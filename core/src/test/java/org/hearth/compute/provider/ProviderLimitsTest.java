package org.hearth.compute.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.hearth.compute.job.BackendReport;
import org.hearth.compute.thermal.GpuReading;
import org.hearth.compute.thermal.ThermalReading;
import org.hearth.compute.worker.WorkerCapabilities;
import org.hearth.compute.worker.WorkerOptions;
import org.junit.jupiter.api.Test;

/**
 * The agent with a real CPU worker and a fake temperature source: a hot GPU pauses sharing with the
 * reason, cooling resumes it only after the clear delay (hysteresis), and the log keeps the story.
 */
class ProviderLimitsTest {

    private static final ProviderPolicy ALWAYS = new ProviderPolicy(false, false, 100, 0, 24);

    @Test
    void aHotGpuPausesUntilItHasCooledForTheDelay() throws Exception {
        AtomicInteger celsius = new AtomicInteger(70);
        ProviderAgent.Settings settings = ProviderAgent.Settings.defaults()
                .withWorker(WorkerOptions.defaults().withBackends(List.of("cpu"))).withPolicyInterval(Duration.ofMillis(200));
        try (ProviderAgent agent = new ProviderAgent(settings, ALWAYS, new MachineProbe(),
                () -> new ThermalReading(List.of(new GpuReading(0, "Fake GPU", celsius.get(), 200_000)), "", -1, "no sensor"))) {
            agent.setLimits(new ComputeLimits(80, 0));
            agent.setResumeAfter(Duration.ofSeconds(2));
            agent.start();
            await("running", () -> agent.status().state() == ProviderStatus.State.RUNNING);

            celsius.set(84);
            await("paused for heat", () -> agent.status().state() == ProviderStatus.State.PAUSED);
            assertEquals("the GPU is at 84 °C (limit 80 °C)", agent.status().reason());
            celsius.set(77); // under the limit but within the margin: stays paused
            await("the reading of 77", () -> agent.status().reason().contains("77 °C"));
            Thread.sleep(2500);
            assertEquals(ProviderStatus.State.PAUSED, agent.status().state(), "77 °C is within 5 degrees of the limit");
            celsius.set(60);
            await("the countdown", () -> agent.status().reason().contains("resuming after"));
            assertTrue(agent.status().reason().startsWith("the GPU is at 77 °C (limit 80 °C); resuming after "), agent.status().reason());
            await("running again", () -> agent.status().state() == ProviderStatus.State.RUNNING);
            // The state turns to running just before the agent logs it: wait for the line, not only the state.
            await("the resume logged", () -> agent.recentLog().stream().map(AgentLog.Line::text).anyMatch("Resumed"::equals));
            List<String> log = agent.recentLog().stream().map(AgentLog.Line::text).toList();
            assertTrue(log.contains("Paused: the GPU is at 84 °C (limit 80 °C)") && log.contains("Resumed"), log.toString());
            agent.stop();
        }
    }

    @Test
    void theWorkerIsOfferedOnlyTheBackendsTheSwitchesLeaveOn() throws Exception {
        ProviderAgent.Settings settings = ProviderAgent.Settings.defaults().withPolicyInterval(Duration.ofMillis(200));
        java.util.concurrent.atomic.AtomicReference<WorkerCapabilities> caps = new java.util.concurrent.atomic.AtomicReference<>();
        try (ProviderAgent agent = new ProviderAgent(settings, ALWAYS)) {
            agent.subscribe(new ProviderAgent.Listener() {
                @Override
                public void started(WorkerCapabilities c) {
                    caps.set(c);
                }
            });
            agent.setAllowedBackends(List.of("opencl-cpu", "cpu"));
            agent.start();
            await("started", () -> caps.get() != null);
            assertEquals(List.of("opencl-cpu", "cpu"), caps.get().backends().stream().map(BackendReport::name).toList(),
                    "CUDA and GPU OpenCL are not even probed");
            agent.stop();
        }
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within 90 s");
            }
            Thread.sleep(50);
        }
    }
}
