package org.hearth.compute.worker;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.RenderJob;

/**
 * Runs the worker child and keeps it healthy: pings it every second, kills it when it stops
 * answering, notices when it exits, restarts it with a growing back-off and re-queues the job it was
 * running (or fails that job with the reason once it has cost too many workers). Jobs run one at a
 * time in submission order. Nothing the child does can throw into the caller.
 */
public final class WorkerSupervisor implements AutoCloseable {

    public enum State { STARTING, READY, RESTARTING, FAILED, CLOSED }

    private final WorkerOptions options;
    private final SupervisorSettings settings;
    private final Consumer<WorkerEvent> listener;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("hearth-worker-timer"));
    private final ExecutorService sender = Executors.newSingleThreadExecutor(daemon("hearth-worker-sender"));
    private final JobQueue jobs = new JobQueue();
    private WorkerProcess proc;
    private State state = State.STARTING;
    private CompletableFuture<WorkerCapabilities> ready = new CompletableFuture<>();
    private long lastHeard;
    private String killReason;
    private long nextJobId = 1;
    private long pingSeq;
    private boolean paused;
    private int dutyCycle;
    private int consecutiveFailures;
    private int restarts;

    private WorkerSupervisor(WorkerOptions options, SupervisorSettings settings, Consumer<WorkerEvent> listener) {
        this.options = options;
        this.settings = settings;
        this.listener = listener == null ? e -> { } : listener;
        this.dutyCycle = options.dutyCyclePercent();
    }

    /** Starts the worker; {@code listener} (may be null) is called on supervision threads and must return quickly. */
    public static WorkerSupervisor start(WorkerOptions options, SupervisorSettings settings, Consumer<WorkerEvent> listener) {
        WorkerSupervisor s = new WorkerSupervisor(options, settings, listener);
        s.launch();
        long period = settings.pingInterval().toMillis();
        s.timer.scheduleAtFixedRate(s::heartbeat, period, period, TimeUnit.MILLISECONDS);
        return s;
    }

    /** Waits until a worker is up and has said what it found; throws if the supervisor gave up. */
    public WorkerCapabilities awaitReady(Duration timeout) throws TimeoutException, InterruptedException {
        CompletableFuture<WorkerCapabilities> f;
        synchronized (this) {
            f = ready;
        }
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new WorkerJobException(WorkerError.WORKER_LOST, e.getCause().getMessage());
        }
    }

    public CompletableFuture<JobResult> submit(GemmJob job) {
        return enqueue(id -> JobPayloads.submitGemm(id, job));
    }

    public CompletableFuture<JobResult> submit(RenderJob job) {
        return enqueue(id -> JobPayloads.submitRender(id, job));
    }

    /** A job of any kind from raw bytes (tests send malformed ones). */
    public CompletableFuture<JobResult> submitBlob(byte kind, byte[] blob) {
        return enqueue(id -> JobPayloads.submit(id, kind, blob));
    }

    private CompletableFuture<JobResult> enqueue(java.util.function.LongFunction<Frame> frame) {
        long id;
        synchronized (this) {
            id = nextJobId++;
        }
        // Encoding a large job takes a while: not under the lock that frames from the worker need.
        JobQueue.Pending p = new JobQueue.Pending(id, frame.apply(id));
        synchronized (this) {
            return enqueue(p);
        }
    }

    private CompletableFuture<JobResult> enqueue(JobQueue.Pending p) {
        if (state == State.FAILED || state == State.CLOSED) {
            p.future.completeExceptionally(new WorkerJobException(WorkerError.WORKER_LOST, "the worker is " + state.name().toLowerCase()));
            return p.future;
        }
        jobs.add(p);
        dispatch();
        return p.future;
    }

    public void pause() {
        control(true, Frame.of(FrameType.PAUSE));
    }

    public void resume() {
        control(false, Frame.of(FrameType.RESUME));
    }

    /** Busy share of the worker in percent (1..100); kept across restarts. */
    public void dutyCycle(int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("duty cycle must be 1..100 %, got " + percent);
        }
        synchronized (this) {
            dutyCycle = percent;
            if (state == State.READY) {
                sendAsync(proc, new Frame(FrameType.THROTTLE, new byte[] {(byte) percent}));
            }
        }
    }

    private void control(boolean pause, Frame frame) {
        synchronized (this) {
            paused = pause;
            if (state == State.READY) {
                sendAsync(proc, frame);
            }
        }
    }

    /** Cancels a queued or running job; its future fails with {@link WorkerError#CANCELLED}. */
    public void cancel(CompletableFuture<JobResult> job) {
        synchronized (this) {
            long id = jobs.cancel(job);
            if (id >= 0) {
                sendAsync(proc, Frame.ofLong(FrameType.CANCEL, id));
            }
        }
    }

    /** Test hook: the worker halts at once (only in a worker started with test hooks). */
    public synchronized void testCrash() {
        sendAsync(proc, Frame.of(FrameType.TEST_CRASH));
    }

    /** Test hook: the worker's control loop stops answering (only with test hooks). */
    public synchronized void testHang() {
        sendAsync(proc, Frame.of(FrameType.TEST_HANG));
    }

    public synchronized State state() {
        return state;
    }

    public synchronized int restarts() {
        return restarts;
    }

    /** The running worker's process, if any (tests read its CPU time). */
    public synchronized Optional<ProcessHandle> workerProcess() {
        return Optional.ofNullable(proc).map(p -> p.process().toHandle());
    }

    private synchronized void launch() {
        if (state == State.CLOSED || state == State.FAILED) {
            return;
        }
        AtomicReference<WorkerProcess> self = new AtomicReference<>();
        WorkerOptions now = options.withDutyCycle(dutyCycle);
        try {
            WorkerProcess p = WorkerProcess.start(now, f -> onFrame(self.get(), f), m -> onBroken(self.get(), m));
            self.set(p);
            proc = p;
            state = State.STARTING;
            lastHeard = System.nanoTime();
            killReason = null;
            emit(WorkerEvent.Kind.STARTED, "worker started");
            p.process().onExit().thenRun(() -> onExit(p));
        } catch (IOException e) {
            failed(null, "could not start the worker JVM: " + e.getMessage());
        }
    }

    private void onFrame(WorkerProcess from, Frame frame) {
        synchronized (this) {
            if (from == null || from != proc) {
                return;
            }
            lastHeard = System.nanoTime();
            try {
                handle(frame);
            } catch (ProtocolException e) {
                onBroken(from, e.getMessage());
            }
        }
    }

    private void handle(Frame frame) {
        switch (frame.type()) {
            case HELLO -> {
                WorkerCapabilities caps = WorkerCapabilities.fromJson(frame.payload());
                state = State.READY;
                if (paused) {
                    sendAsync(proc, Frame.of(FrameType.PAUSE));
                }
                emit(WorkerEvent.Kind.READY, "backend " + caps.chosen());
                ready.complete(caps);
                dispatch();
            }
            case PONG -> { }
            case PROGRESS -> {
                byte s = frame.payload().length == 9 ? frame.payload()[8] : 0;
                WorkerEvent.Kind kind = s == JobPayloads.STATE_PAUSED ? WorkerEvent.Kind.PAUSED
                        : s == JobPayloads.STATE_RESUMED ? WorkerEvent.Kind.RESUMED : WorkerEvent.Kind.JOB_STARTED;
                emit(kind, "job " + JobPayloads.jobIdOf(frame));
            }
            case RESULT -> {
                JobPayloads.Result r = JobPayloads.decodeResult(frame);
                JobQueue.Pending done = jobs.finish(r.jobId());
                if (done != null) {
                    consecutiveFailures = 0;
                    done.future.complete(new JobResult(r.jobId(), r.backend(), r.nanos(), r.values()));
                    dispatch();
                }
            }
            case ERROR -> onError(JobPayloads.decodeError(frame));
            default -> throw new ProtocolException("the worker sent " + frame.type() + ", which only the app may send");
        }
    }

    private void onError(JobPayloads.Error e) {
        JobQueue.Pending p = jobs.finish(e.jobId());
        if (p == null) {
            emit(WorkerEvent.Kind.PROTOCOL_ERROR, e.kind() + ": " + e.message());
            return;
        }
        if (e.kind() == WorkerError.BUSY) {
            jobs.retry(p);
            timer.schedule(() -> { synchronized (this) { dispatch(); } }, 50, TimeUnit.MILLISECONDS);
            return;
        }
        p.future.completeExceptionally(new WorkerJobException(e.kind(), e.message()));
        dispatch();
    }

    private void onBroken(WorkerProcess from, String message) {
        synchronized (this) {
            if (from == null || from != proc) {
                return;
            }
            killReason = "sent a malformed frame (" + message + ")";
            emit(WorkerEvent.Kind.PROTOCOL_ERROR, message);
        }
        from.kill();
    }

    private void dispatch() {
        JobQueue.Pending p = state == State.READY ? jobs.start() : null;
        if (p != null) {
            sendAsync(proc, p.frame);
        }
    }

    private void heartbeat() {
        WorkerProcess hung = null;
        synchronized (this) {
            if (proc == null || (state != State.STARTING && state != State.READY)) {
                return;
            }
            long silentMillis = (System.nanoTime() - Math.max(lastHeard, proc.lastTrafficNanos())) / 1_000_000;
            Duration limit = state == State.STARTING ? settings.startTimeout() : settings.hangTimeout();
            if (silentMillis > limit.toMillis()) {
                killReason = "stopped answering for " + silentMillis + " ms";
                emit(WorkerEvent.Kind.HUNG, killReason + "; killing it");
                hung = proc;
            } else if (state == State.READY) {
                sendAsync(proc, Frame.ofLong(FrameType.PING, pingSeq++));
            }
        }
        if (hung != null) {
            hung.kill();
        }
    }

    private void onExit(WorkerProcess p) {
        synchronized (this) {
            if (p != proc || state == State.CLOSED) {
                return;
            }
            String lastWords = p.stderrTail(5).replace('\n', ' ');
            String reason = killReason != null ? killReason
                    : "exited with code " + p.process().exitValue() + (lastWords.isBlank() ? "" : "; its last words: " + lastWords);
            if (killReason == null) {
                emit(WorkerEvent.Kind.CRASHED, reason);
            }
            failed(p, reason);
        }
    }

    /** The worker is gone for {@code reason}: settle the running job, then restart or give up. */
    private void failed(WorkerProcess p, String reason) {
        proc = null;
        jobs.workerLost(reason, settings.maxAttemptsPerJob());
        consecutiveFailures++;
        if (consecutiveFailures > settings.maxConsecutiveFailures()) {
            state = State.FAILED;
            String why = "the worker failed " + consecutiveFailures + " times in a row; last: " + reason;
            emit(WorkerEvent.Kind.GAVE_UP, why);
            jobs.failAll(new WorkerJobException(WorkerError.WORKER_LOST, why));
            ready.completeExceptionally(new IllegalStateException(why));
            return;
        }
        state = State.RESTARTING;
        restarts++;
        long backoff = Math.min(settings.maxBackoff().toMillis(), settings.firstBackoff().toMillis() << Math.min(consecutiveFailures - 1, 16));
        emit(WorkerEvent.Kind.RESTARTING, "after it " + reason + "; restarting in " + backoff + " ms");
        if (ready.isDone()) {
            ready = new CompletableFuture<>();
        }
        timer.schedule(this::launch, backoff, TimeUnit.MILLISECONDS);
    }

    /** Every frame goes through one sender thread, so the worker sees them in the order decided here. */
    private void sendAsync(WorkerProcess p, Frame frame) {
        try {
            sender.execute(() -> sendQuietly(p, frame));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closed: nothing more goes to the worker.
        }
    }

    private static void sendQuietly(WorkerProcess p, Frame frame) {
        if (p == null) {
            return;
        }
        try {
            p.send(frame);
        } catch (IOException e) {
            // The pipe broke: the process is ending and onExit reports it.
        }
    }

    private void emit(WorkerEvent.Kind kind, String message) {
        try {
            listener.accept(WorkerEvent.of(kind, proc == null ? -1 : proc.pid(), message));
        } catch (RuntimeException e) {
            // A listener's bug must not stop supervision.
        }
    }

    @Override
    public void close() {
        WorkerProcess p;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            p = proc;
            jobs.failAll(new WorkerJobException(WorkerError.CANCELLED, "the worker was stopped"));
            ready.completeExceptionally(new IllegalStateException("the worker was stopped"));
        }
        timer.shutdownNow();
        sender.shutdownNow();
        if (p != null) {
            sendQuietly(p, Frame.of(FrameType.SHUTDOWN));
            try {
                if (!p.process().waitFor(3, TimeUnit.SECONDS)) {
                    p.kill();
                }
            } catch (InterruptedException e) {
                p.kill();
                Thread.currentThread().interrupt();
            }
        }
        emit(WorkerEvent.Kind.STOPPED, "worker stopped");
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
