package org.hearth.compute.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.hearth.compute.backend.OpenClProbe;
import org.hearth.compute.job.BackendReport;
import org.hearth.compute.worker.WorkerCapabilities;
import org.hearth.compute.worker.WorkerOptions;
import org.junit.jupiter.api.Test;

/** A device switched off inside a backend reaches the worker child: that device is not opened (PoCL's here), the next backend is chosen. */
class ProviderDeviceSkipTest {

    private static final ProviderPolicy ALWAYS = new ProviderPolicy(false, false, 100, 0, 24);

    @Test
    void theWorkerSkipsTheDevicesSwitchedOff() throws Exception {
        String pocl = OpenClProbe.cpu(true, 0).devices().getFirst().name();
        ProviderAgent.Settings settings = ProviderAgent.Settings.defaults().withPolicyInterval(Duration.ofMillis(200))
                .withWorker(WorkerOptions.defaults().withAllowCpuDevices(true));
        for (boolean off : List.of(false, true)) {
            AtomicReference<WorkerCapabilities> caps = new AtomicReference<>();
            try (ProviderAgent agent = new ProviderAgent(settings, ALWAYS)) {
                agent.subscribe(new ProviderAgent.Listener() {
                    @Override
                    public void started(WorkerCapabilities c) {
                        caps.set(c);
                    }
                });
                agent.setAllowedBackends(List.of("opencl-cpu", "cpu"));
                agent.setSkippedDevices(off ? new DeviceSwitches(Set.of()).with(DeviceSwitches.id("opencl-cpu",
                        OpenClProbe.cpu(true, 0).devices().getFirst()), false).off() : Set.of());
                agent.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (caps.get() == null && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                BackendReport opencl = caps.get().backends().getFirst();
                assertEquals("opencl-cpu", opencl.name());
                assertEquals(pocl, opencl.devices().getFirst().name());
                if (off) {
                    assertFalse(opencl.available());
                    assertEquals("every device of this backend is switched off", opencl.reason());
                    assertEquals("cpu", caps.get().chosen());
                } else {
                    assertTrue(opencl.available(), opencl.reason());
                    assertEquals("opencl-cpu", caps.get().chosen());
                }
                agent.stop();
            }
        }
    }
}
