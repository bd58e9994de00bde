package org.hearth.compute.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.hearth.compute.backend.GemmChecks;
import org.hearth.compute.job.BackendReport;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.opencl.OpenClRenderTest;
import org.hearth.compute.verify.RenderVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real worker child JVM under its supervisor: jobs, capabilities, crash and hang recovery, bad input. */
class WorkerSupervisorTest {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final SupervisorSettings FAST = new SupervisorSettings(Duration.ofMillis(250), Duration.ofSeconds(4),
            Duration.ofMinutes(2), 2, Duration.ofMillis(100), Duration.ofSeconds(2), 5);

    private final EventLog events = new EventLog();
    private WorkerSupervisor supervisor;

    @AfterEach
    void stop() {
        if (supervisor != null) {
            supervisor.close();
        }
    }

    private WorkerSupervisor start(WorkerOptions options) {
        supervisor = WorkerSupervisor.start(options, FAST, events);
        return supervisor;
    }

    static WorkerError errorOf(CompletableFuture<JobResult> f) throws InterruptedException {
        try {
            f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            throw new AssertionError("the job should have failed");
        } catch (ExecutionException e) {
            return ((WorkerJobException) e.getCause()).kind();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the job did not finish", e);
        }
    }

    static String messageOf(CompletableFuture<JobResult> f) {
        return f.handle((r, e) -> e == null ? null : (e instanceof java.util.concurrent.CompletionException ? e.getCause() : e).getMessage()).join();
    }

    @Test
    void everyBackendIsReportedAndAGemmRoundTripsThroughTheChild() throws Exception {
        WorkerCapabilities caps = start(WorkerOptions.defaults().withAllowCpuDevices(true)
                .withCudaLibrary("/nonexistent/libcuda.so.1")).awaitReady(WAIT);
        Map<String, BackendReport> byName = caps.backends().stream().collect(Collectors.toMap(BackendReport::name, r -> r));
        assertEquals(List.of("cuda", "opencl-gpu", "opencl-cpu", "cpu"), caps.backends().stream().map(BackendReport::name).toList());
        assertFalse(byName.get("cuda").available());
        assertTrue(byName.get("cuda").reason().contains("/nonexistent/libcuda.so.1 is not installed"), byName.get("cuda").reason());
        assertFalse(byName.get("opencl-gpu").available());
        assertTrue(byName.get("opencl-cpu").available(), byName.get("opencl-cpu").reason());
        assertTrue(byName.get("cpu").available(), byName.get("cpu").reason());
        assertEquals("opencl-cpu", caps.chosen(), "the first backend that passes its self-test");
        assertNotEquals(ProcessHandle.current().pid(), caps.pid(), "jobs run in a separate process");

        GemmJob job = GemmChecks.randomJob(150, 90, 170, 11);
        JobResult result = supervisor.submit(job).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("opencl-cpu", result.backend());
        assertNull(GemmChecks.compare(job, result.values()));

        RenderJob render = new RenderJob(OpenClRenderTest.SCENE, 64, 48, 16, 8, 24, 20, 8, 77);
        JobResult tile = supervisor.submit(render).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(render.resultLength(), tile.values().length);
        RenderVerifier.Result check = new RenderVerifier(480, 1.0, 1.0 / 32, 3).check(render, tile.values());
        assertTrue(check.ok(), "render through the child matches the CPU tracer: " + check);
    }

    @Test
    void theGpuMemoryCapRejectsABigJobInTheWorker() throws Exception {
        WorkerOptions capped = new WorkerOptions(true, 0, 1, 100, null, List.of("opencl-cpu"), false);
        assertEquals("opencl-cpu", start(capped).awaitReady(WAIT).chosen());
        CompletableFuture<JobResult> big = supervisor.submit(GemmChecks.randomJob(512, 512, 512, 1));
        assertEquals(WorkerError.REJECTED, errorOf(big));
        assertTrue(messageOf(big).contains("over the cap of 1 MiB"), messageOf(big));
        GemmJob small = GemmChecks.randomJob(100, 100, 100, 2);
        assertNull(GemmChecks.compare(small, supervisor.submit(small).get(WAIT.toSeconds(), TimeUnit.SECONDS).values()));
    }

    @Test
    void aCrashIsRecoveredAndTheRunningJobIsRequeued() throws Exception {
        start(WorkerOptions.defaults().withBackends(List.of("cpu")).withTestHooks(true)).awaitReady(WAIT);
        long firstPid = supervisor.workerProcess().orElseThrow().pid();
        supervisor.pause(); // the job will wait at its first checkpoint, so it is surely running when the worker dies
        GemmJob job = GemmChecks.randomJob(300, 200, 250, 5);
        CompletableFuture<JobResult> running = supervisor.submit(job);
        events.await(WorkerEvent.Kind.JOB_STARTED, 1, WAIT);
        supervisor.testCrash();
        WorkerEvent crash = events.await(WorkerEvent.Kind.CRASHED, 1, WAIT);
        assertTrue(crash.message().contains("exited with code 77"), crash.message());
        events.await(WorkerEvent.Kind.READY, 2, WAIT);
        assertNotEquals(firstPid, supervisor.workerProcess().orElseThrow().pid());
        assertFalse(running.isDone(), "re-queued on the new worker, still paused there");
        supervisor.resume();
        JobResult result = running.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNull(GemmChecks.compare(job, result.values()));
        assertEquals(1, supervisor.restarts());
    }

    @Test
    void aJobThatKeepsCrashingTheWorkerFailsWithTheReasonAndOthersStillRun() throws Exception {
        start(WorkerOptions.defaults().withBackends(List.of("cpu")).withTestHooks(true)).awaitReady(WAIT);
        CompletableFuture<JobResult> poison = supervisor.submitBlob(JobPayloads.KIND_TEST_CRASH, new byte[0]);
        GemmJob job = GemmChecks.randomJob(40, 30, 20, 9);
        CompletableFuture<JobResult> after = supervisor.submit(job);
        assertEquals(WorkerError.WORKER_LOST, errorOf(poison));
        String message = messageOf(poison);
        assertTrue(message.contains("exited with code 77") && message.contains("tried 2 times"), message);
        assertNull(GemmChecks.compare(job, after.get(WAIT.toSeconds(), TimeUnit.SECONDS).values()));
        assertEquals(2, supervisor.restarts());
    }

    @Test
    void aHungWorkerIsKilledAndReplaced() throws Exception {
        start(WorkerOptions.defaults().withBackends(List.of("cpu")).withTestHooks(true)).awaitReady(WAIT);
        ProcessHandle first = supervisor.workerProcess().orElseThrow();
        supervisor.testHang();
        WorkerEvent hung = events.await(WorkerEvent.Kind.HUNG, 1, WAIT);
        assertTrue(hung.message().startsWith("stopped answering for"), hung.message());
        events.await(WorkerEvent.Kind.READY, 2, WAIT);
        assertTrue(first.onExit().get(10, TimeUnit.SECONDS) != null && !first.isAlive(), "the hung worker was killed");
        GemmJob job = GemmChecks.randomJob(64, 64, 64, 2);
        assertNull(GemmChecks.compare(job, supervisor.submit(job).get(WAIT.toSeconds(), TimeUnit.SECONDS).values()));
        assertEquals(0, events.count(WorkerEvent.Kind.CRASHED), "a hang is reported as a hang: " + events);
    }

    @Test
    void testMessagesDoNothingWithoutTheTestFlag() throws Exception {
        WorkerOptions oneThread = new WorkerOptions(false, 1, 0, 100, null, List.of("cpu"), false);
        WorkerCapabilities caps = start(oneThread).awaitReady(WAIT);
        assertEquals(1, caps.backends().getFirst().devices().getFirst().computeUnits(), "the thread limit reaches the backend");
        supervisor.testCrash();
        WorkerEvent refused = events.await(WorkerEvent.Kind.PROTOCOL_ERROR, 1, WAIT);
        assertTrue(refused.message().contains("test messages are disabled"), refused.message());
        CompletableFuture<JobResult> poison = supervisor.submitBlob(JobPayloads.KIND_TEST_CRASH, new byte[0]);
        assertEquals(WorkerError.REJECTED, errorOf(poison));
        assertEquals(0, supervisor.restarts());
    }

    @Test
    void malformedAndOversizeJobsAreRejectedAndTheWorkerCarriesOn() throws Exception {
        start(WorkerOptions.defaults().withBackends(List.of("cpu"))).awaitReady(WAIT);
        CompletableFuture<JobResult> garbage = supervisor.submitBlob(JobPayloads.KIND_GEMM, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17});
        assertEquals(WorkerError.REJECTED, errorOf(garbage));
        assertEquals("gemm job blob does not start with HGM1", messageOf(garbage));

        java.nio.ByteBuffer huge = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(0x314D4748).putInt(100_000).putInt(4).putInt(4);
        CompletableFuture<JobResult> oversize = supervisor.submitBlob(JobPayloads.KIND_GEMM, huge.array());
        assertEquals(WorkerError.REJECTED, errorOf(oversize));
        assertTrue(messageOf(oversize).contains("exceeds the largest dimension allowed"), messageOf(oversize));

        java.nio.ByteBuffer render = java.nio.ByteBuffer.allocate(36 + 14).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(8).putInt(8).putInt(0).putInt(0).putInt(8).putInt(8).putInt(1).putLong(1)
                .put("{\"camera\": 5}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CompletableFuture<JobResult> badScene = supervisor.submitBlob(JobPayloads.KIND_RENDER, render.array());
        assertEquals(WorkerError.REJECTED, errorOf(badScene));
        assertFalse(messageOf(badScene).isBlank());

        GemmJob job = GemmChecks.randomJob(33, 17, 65, 4);
        assertNull(GemmChecks.compare(job, supervisor.submit(job).get(WAIT.toSeconds(), TimeUnit.SECONDS).values()));
        assertEquals(0, supervisor.restarts());
    }
}
