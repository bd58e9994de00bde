package org.hearth.compute.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.opencl.OpenClRenderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pause, resume and cancel of a long job in the real child; bad frames sent straight to the child. */
class WorkerControlTest {

    private final EventLog events = new EventLog();
    private WorkerSupervisor supervisor;

    @AfterEach
    void stop() {
        if (supervisor != null) {
            supervisor.close();
        }
    }

    private static long cpuMillis(ProcessHandle p) {
        return p.info().totalCpuDuration().orElseThrow(() -> new AssertionError("no CPU time for the worker")).toMillis();
    }

    @Test
    void pauseStopsTheWorkWithinASecondAndResumeThrottleAndCancelAct() throws Exception {
        // CPU-time thresholds are loose: the test machine may be shared; a paused worker uses ~10 ms/s (pings).
        // OpenCL on PoCL with one thread: 134 M path-traced samples take far longer than this test, whatever the machine.
        WorkerOptions options = new WorkerOptions(true, 1, 0, 100, null, List.of("opencl-cpu"), false);
        supervisor = WorkerSupervisor.start(options, WorkerSupervisorTest.FAST, events);
        supervisor.awaitReady(WorkerSupervisorTest.WAIT);
        ProcessHandle worker = supervisor.workerProcess().orElseThrow();
        CompletableFuture<JobResult> job = supervisor.submit(RenderJob.fullImage(OpenClRenderTest.SCENE, 256, 256, 2048, 1));
        events.await(WorkerEvent.Kind.JOB_STARTED, 1, WorkerSupervisorTest.WAIT);
        long before = cpuMillis(worker);
        Thread.sleep(1000);
        long running = cpuMillis(worker) - before;
        assertTrue(running > 100, "the job should keep a core busy, used " + running + " ms of CPU in 1 s");

        long pausedAt = System.nanoTime();
        supervisor.pause();
        events.await(WorkerEvent.Kind.PAUSED, 1, Duration.ofSeconds(5));
        long ackMillis = (System.nanoTime() - pausedAt) / 1_000_000;
        Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - pausedAt) / 1_000_000));
        long pausedStart = cpuMillis(worker);
        Thread.sleep(1000);
        long whilePaused = cpuMillis(worker) - pausedStart;
        assertTrue(whilePaused < 80, "one second after pause the worker should be idle, used " + whilePaused + " ms of CPU in 1 s");
        assertTrue(!job.isDone(), "paused, not finished");

        supervisor.resume();
        events.await(WorkerEvent.Kind.RESUMED, 1, Duration.ofSeconds(5));
        long resumedStart = cpuMillis(worker);
        Thread.sleep(1000);
        long afterResume = cpuMillis(worker) - resumedStart;
        System.out.printf("worker control: CPU ms/s running %d, paused %d, resumed %d%n", running, whilePaused, afterResume);
        assertTrue(afterResume > 100, "after resume the job should run again, used " + afterResume + " ms of CPU in 1 s");

        supervisor.dutyCycle(25);
        Thread.sleep(500);
        long throttledStart = cpuMillis(worker);
        Thread.sleep(2000);
        long throttled = (cpuMillis(worker) - throttledStart) / 2;
        System.out.printf("worker control: CPU ms/s at 100%% duty %d, at 25%% duty %d%n", afterResume, throttled);
        assertTrue(throttled < afterResume * 0.7, "a 25 % duty cycle should cut the CPU use: " + throttled + " vs " + afterResume + " ms/s");
        assertTrue(throttled > 0, "throttled, not stopped");

        long cancelledAt = System.nanoTime();
        supervisor.cancel(job);
        assertEquals(WorkerError.CANCELLED, WorkerSupervisorTest.errorOf(job));
        long cancelMillis = (System.nanoTime() - cancelledAt) / 1_000_000;
        System.out.printf("worker control: pause acknowledged in %d ms, CPU while paused %d ms/s, cancel took %d ms%n",
                ackMillis, whilePaused, cancelMillis);
        assertEquals(0, supervisor.restarts(), "control never costs a worker: " + events);
    }

    private static Process rawWorker() throws Exception {
        WorkerOptions options = WorkerOptions.defaults().withBackends(List.of("cpu"));
        ProcessBuilder pb = new ProcessBuilder(WorkerProcess.command(options));
        pb.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    private static void expectRejection(byte[] bytes, String expected) throws Exception {
        Process p = rawWorker();
        try {
            FrameCodec codec = new FrameCodec(new BufferedInputStream(p.getInputStream()), null);
            assertEquals(FrameType.HELLO, codec.read().type());
            OutputStream in = p.getOutputStream();
            in.write(bytes);
            in.flush();
            Frame answer = codec.read();
            assertEquals(FrameType.ERROR, answer.type());
            JobPayloads.Error error = JobPayloads.decodeError(answer);
            assertEquals(WorkerError.PROTOCOL, error.kind());
            assertEquals(expected, error.message());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(WorkerChild.EXIT_PROTOCOL, p.exitValue(), "a worker that cannot trust its input stops");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void theChildRejectsAnOversizeFrame() throws Exception {
        expectRejection(new byte[] {0x40, 0, 0, 0, 9}, "oversize frame: PING of 1073741823 bytes exceeds its cap of 8");
    }

    @Test
    void theChildRejectsAMalformedFrame() throws Exception {
        expectRejection(new byte[] {0, 0, 0, 1, (byte) 0xee}, "malformed frame: unknown message type 238");
    }
}
