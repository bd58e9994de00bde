package org.hearth.compute.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.hearth.compute.worker.WorkerOptions;
import org.junit.jupiter.api.Test;

/** The provider agent with a real worker child on the CPU backend: jobs, pause and resume by policy, stop. */
class ProviderAgentTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    /** The build keeps this machine busy: the tests do not wait for idleness or mains power. */
    private static final ProviderPolicy ALWAYS = new ProviderPolicy(false, false, 100, 0, 24);

    private final List<ProviderStatus> statuses = new CopyOnWriteArrayList<>();
    private final List<LocalJobLoop.TileDone> tiles = new CopyOnWriteArrayList<>();
    private final List<LocalJobLoop.GemmDone> gemms = new CopyOnWriteArrayList<>();
    private final List<String> logs = new CopyOnWriteArrayList<>();
    private final List<MachineState> machines = new CopyOnWriteArrayList<>();

    private final ProviderAgent.Listener recorder = new ProviderAgent.Listener() {
        public void status(ProviderStatus s) { statuses.add(s); }
        public void tile(LocalJobLoop.TileDone done) { tiles.add(done); }
        public void gemm(LocalJobLoop.GemmDone done) { gemms.add(done); }
        public void log(String line) { logs.add(line); }
        public void machine(MachineState state, String unreadable) { machines.add(state == null ? new MachineState(-1, false, -1) : state); }
    };

    @Test
    void runsVerifiedJobsPausesAndResumesByPolicyAndStops() throws Exception {
        ProviderAgent.Settings settings = ProviderAgent.Settings.defaults()
                .withWorker(WorkerOptions.defaults().withBackends(List.of("cpu"))).withPolicyInterval(Duration.ofMillis(200));
        try (ProviderAgent agent = new ProviderAgent(settings, ALWAYS)) {
            agent.subscribe(recorder);
            assertEquals(ProviderStatus.State.STOPPED, statuses.getFirst().state(), "a subscriber hears the current status at once");
            agent.start();
            await("a gemm and the tiles before it", () -> !gemms.isEmpty());
            ProviderStatus running = agent.status();
            assertEquals(ProviderStatus.State.RUNNING, running.state());
            assertEquals("cpu", running.backend());
            assertTrue(tiles.stream().allMatch(LocalJobLoop.TileDone::verified), "every tile passes re-rendering");
            assertTrue(gemms.getFirst().verified(), "the gemm passes Freivalds");
            assertTrue(running.jobs() >= LocalJobLoop.TILES_PER_GEMM + 1 && running.verified() == running.jobs(), running.toString());
            assertEquals(0, running.failures());
            assertTrue(running.renderMsps() > 0 && running.gemmGflops() > 0, running.toString());
            assertFalse(agent.history().renderMsps().isEmpty(), "the agent keeps recent samples for a late subscriber");
            long workerPid = agent.workerPid().orElseThrow();
            await("a machine reading", () -> machines.stream().anyMatch(m -> m.hour() >= 0));

            // a schedule that leaves out this hour pauses the worker, with the reason
            int hour = LocalTime.now().getHour();
            int start = (hour + 2) % 24;
            agent.setResumeAfter(Duration.ofMillis(300));
            agent.setPolicy(new ProviderPolicy(false, false, 100, start, start + 1));
            await("paused", () -> agent.status().state() == ProviderStatus.State.PAUSED);
            assertTrue(agent.status().reason().startsWith("outside the schedule"), agent.status().reason());
            await("the pause logged", () -> logs.stream().anyMatch(l -> l.startsWith("Paused: outside the schedule")));
            // a job in flight when the pause came may still finish; after that nothing completes
            Thread.sleep(1500);
            int whilePaused = tiles.size() + gemms.size();
            Thread.sleep(3000);
            assertEquals(whilePaused, tiles.size() + gemms.size(), "no job completes while paused");
            assertEquals(workerPid, agent.workerPid().orElseThrow(), "pausing keeps the same worker");

            agent.setPolicy(ALWAYS);
            await("running again", () -> agent.status().state() == ProviderStatus.State.RUNNING);
            await("jobs again", () -> tiles.size() + gemms.size() >= whilePaused + 2);
            assertTrue(logs.contains("Resumed"), logs.toString());

            agent.stop();
            assertEquals(ProviderStatus.State.STOPPED, agent.status().state());
            assertTrue(agent.workerPid().isEmpty());
            await("the worker child gone", () -> ProcessHandle.of(workerPid).map(h -> !h.isAlive()).orElse(true));
            assertEquals(-1, machines.getLast().hour(), "subscribers hear that there is no machine reading once stopped");
            int afterStop = tiles.size() + gemms.size();
            Thread.sleep(1000);
            assertEquals(afterStop, tiles.size() + gemms.size());
        }
        assertEquals(List.of(), logs.stream().filter(l -> l.startsWith("Job failed")).toList());
    }

    @Test
    void aStopWhileTheWorkerStartsLeavesNoChildBehind() throws Exception {
        ProviderAgent.Settings settings = ProviderAgent.Settings.defaults()
                .withWorker(WorkerOptions.defaults().withBackends(List.of("cpu")));
        try (ProviderAgent agent = new ProviderAgent(settings, ALWAYS)) {
            agent.subscribe(recorder);
            agent.start();
            assertEquals(ProviderStatus.State.STARTING, agent.status().state());
            agent.stop();
            assertEquals(ProviderStatus.State.STOPPED, agent.status().state());
            // the start finishes in the background and closes what it started; a new start still works
            agent.start();
            await("running", () -> agent.status().state() == ProviderStatus.State.RUNNING);
            await("a job", () -> !tiles.isEmpty());
            long pid = agent.workerPid().orElseThrow();
            // the first start's child is closed once it has come up
            await("one worker child, not two", () -> ProcessHandle.current().children()
                    .filter(h -> h.isAlive() && h.info().commandLine().orElse("").contains("WorkerMain")).count() == 1);
            agent.stop();
            await("the worker child gone", () -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
        }
        assertNull(statuses.stream().filter(s -> s.state() == ProviderStatus.State.FAILED).findFirst().orElse(null));
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + WAIT);
            }
            Thread.sleep(50);
        }
    }
}
