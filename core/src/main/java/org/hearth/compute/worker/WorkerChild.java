package org.hearth.compute.worker;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hearth.compute.job.Backend;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.JobCancelledException;
import org.hearth.compute.job.JobLimits;
import org.hearth.compute.job.JobRejectedException;
import org.hearth.compute.job.RenderJob;

/**
 * The worker's side of the protocol. The control loop (this thread) answers pings, pause, resume,
 * cancel and throttle at once; one job runs at a time on its own thread, so a long kernel never
 * delays a pong. The app is the only one to write to our stdin; when it closes, we exit.
 */
final class WorkerChild {

    /** Exit codes the supervisor can tell apart. */
    static final int EXIT_PROTOCOL = 2;
    static final int EXIT_TEST_CRASH = 77;

    private record Running(long jobId, CancelToken token) {
    }

    private final FrameCodec codec;
    private final WorkerOptions options;
    private final Backend backend;
    private final WorkerCapabilities capabilities;
    private final JobLimits limits = JobLimits.DEFAULT;
    private final ExecutorService jobThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hearth-job");
        t.setDaemon(true);
        return t;
    });
    private volatile Running current;
    private volatile boolean paused;
    private volatile int dutyCycle;

    WorkerChild(FrameCodec codec, WorkerOptions options, Backend backend, WorkerCapabilities capabilities) {
        this.codec = codec;
        this.options = options;
        this.backend = backend;
        this.capabilities = capabilities;
        this.dutyCycle = options.dutyCyclePercent();
    }

    /** Runs until the app says SHUTDOWN or closes the pipe; returns the exit code. */
    int run() throws IOException {
        codec.write(new Frame(FrameType.HELLO, capabilities.toJson()));
        while (true) {
            Frame frame;
            try {
                frame = codec.read();
            } catch (ProtocolException e) {
                send(JobPayloads.error(-1, WorkerError.PROTOCOL, e.getMessage()));
                return EXIT_PROTOCOL;
            }
            if (frame == null) {
                return 0;
            }
            if (!handle(frame)) {
                return 0;
            }
        }
    }

    /** Handles one control message; false to stop. */
    private boolean handle(Frame frame) throws IOException {
        Running running = current;
        switch (frame.type()) {
            case PING -> codec.write(new Frame(FrameType.PONG, frame.payload()));
            case SUBMIT -> submit(frame);
            case PAUSE -> {
                paused = true;
                if (running != null) {
                    running.token().pause();
                    send(JobPayloads.progress(running.jobId(), JobPayloads.STATE_PAUSED));
                }
            }
            case RESUME -> {
                paused = false;
                if (running != null) {
                    running.token().resume();
                    send(JobPayloads.progress(running.jobId(), JobPayloads.STATE_RESUMED));
                }
            }
            case CANCEL -> {
                if (running != null && running.jobId() == frame.longValue()) {
                    running.token().cancel();
                }
            }
            case THROTTLE -> {
                int percent = frame.payload().length == 1 ? frame.payload()[0] : 0;
                if (percent < 1 || percent > 100) {
                    send(JobPayloads.error(-1, WorkerError.REJECTED, "duty cycle must be 1..100 %, got " + percent));
                } else {
                    dutyCycle = percent;
                    if (running != null) {
                        running.token().dutyCycle(percent);
                        if (!paused) {
                            // CancelToken measures the busy slice from its last resume: restart it here, or
                            // the first throttle sleep would be (time since the job began) × (100 − p) / p.
                            running.token().pause();
                            running.token().resume();
                        }
                    }
                }
            }
            case SHUTDOWN -> {
                if (running != null) {
                    running.token().cancel();
                }
                return false;
            }
            case TEST_CRASH -> testHook(() -> Runtime.getRuntime().halt(EXIT_TEST_CRASH));
            case TEST_HANG -> testHook(WorkerChild::hangForever);
            default -> send(JobPayloads.error(-1, WorkerError.PROTOCOL, frame.type() + " is not a message the worker accepts"));
        }
        return true;
    }

    private void submit(Frame frame) {
        long jobId = JobPayloads.jobIdOf(frame);
        if (current != null) {
            send(JobPayloads.error(jobId, WorkerError.BUSY, "the worker is running job " + current.jobId()));
            return;
        }
        if (backend == null) {
            send(JobPayloads.error(jobId, WorkerError.FAILED, "no backend passed its self-test on this machine"));
            return;
        }
        CancelToken token = new CancelToken();
        token.dutyCycle(dutyCycle);
        if (paused) {
            token.pause();
        }
        current = new Running(jobId, token);
        jobThread.execute(() -> runJob(frame, jobId, token));
    }

    private void runJob(Frame frame, long jobId, CancelToken token) {
        try {
            JobPayloads.Submit submit = JobPayloads.decodeSubmit(frame, limits);
            if (submit.kind() == JobPayloads.KIND_TEST_CRASH && !options.testHooks()) {
                throw new JobRejectedException("test jobs are disabled in this worker");
            }
            send(JobPayloads.progress(jobId, JobPayloads.STATE_STARTED));
            long started = System.nanoTime();
            float[] out = switch (submit.job()) {
                case GemmJob gemm -> backend.gemm(gemm, token);
                case RenderJob render -> backend.renderTile(render, token);
                case null -> {
                    Runtime.getRuntime().halt(EXIT_TEST_CRASH);
                    yield null;
                }
                default -> throw new JobRejectedException("unknown job");
            };
            current = null;
            send(JobPayloads.result(jobId, backend.name(), System.nanoTime() - started, out));
        } catch (JobCancelledException e) {
            current = null;
            send(JobPayloads.error(jobId, WorkerError.CANCELLED, "job " + jobId + " was cancelled"));
        } catch (JobRejectedException e) {
            current = null;
            send(JobPayloads.error(jobId, WorkerError.REJECTED, e.getMessage()));
        } catch (RuntimeException | OutOfMemoryError | LinkageError e) {
            current = null;
            send(JobPayloads.error(jobId, WorkerError.FAILED, backend.name() + " failed: " + (e.getMessage() == null ? e.toString() : e.getMessage())));
        }
    }

    private void testHook(Runnable action) {
        if (options.testHooks()) {
            action.run();
        } else {
            send(JobPayloads.error(-1, WorkerError.REJECTED, "test messages are disabled in this worker"));
        }
    }

    private static void hangForever() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // A hung driver call does not return either.
            }
        }
    }

    /** Sends a frame; if the app is gone, there is no one to work for. */
    private void send(Frame frame) {
        try {
            codec.write(frame);
        } catch (IOException e) {
            Runtime.getRuntime().halt(0);
        }
    }
}
