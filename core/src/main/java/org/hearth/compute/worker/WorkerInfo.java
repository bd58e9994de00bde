package org.hearth.compute.worker;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Starts a worker only to ask what it finds (backends, devices, the choice), then stops it. */
public final class WorkerInfo {

    private WorkerInfo() {
    }

    public static WorkerCapabilities inspect(WorkerOptions options, Duration timeout) throws TimeoutException, InterruptedException {
        // One try: for a report, a worker that cannot start is the answer, not something to retry.
        SupervisorSettings once = new SupervisorSettings(Duration.ofSeconds(1), Duration.ofSeconds(5), timeout, 1,
                Duration.ofMillis(100), Duration.ofMillis(100), 0);
        try (WorkerSupervisor supervisor = WorkerSupervisor.start(options, once, null)) {
            return supervisor.awaitReady(timeout);
        }
    }
}
