package org.hearth.compute.provider;

import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.hearth.compute.bench.BenchScene;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.scene.Scene;
import org.hearth.compute.verify.Freivalds;
import org.hearth.compute.verify.RenderVerifier;
import org.hearth.compute.worker.JobResult;
import org.hearth.compute.worker.WorkerSupervisor;

/**
 * Local benchmark jobs for the provider toggle until the on-chain market feeds real ones: an image
 * rendered tile by tile, with a gemm between tiles, each result checked the way a requester would
 * (re-rendered pixels, Freivalds) before it counts.
 */
public final class LocalJobLoop implements JobSource {

    public static final int WIDTH = 320;
    public static final int HEIGHT = 200;
    public static final int TILE = 40;
    static final int SAMPLES = 8;
    static final int GEMM_N = 384;
    static final int TILES_PER_GEMM = 4;

    public record TileDone(RenderJob job, float[] rgb, long nanos, String backend, boolean verified) {
        public double msamplesPerSecond() {
            return job.samples() / (nanos / 1e9) / 1e6;
        }
    }

    public record GemmDone(int n, long nanos, String backend, boolean verified) {
        public double gflops() {
            return 2.0 * n * n * n / nanos;
        }
    }

    public interface Listener {
        void imageStarted(int pass);

        void tile(TileDone done);

        void gemm(GemmDone done);

        void failed(String message);

        /** The loop stopped on an error it cannot recover from (a class missing, a bug); no more jobs run. */
        default void died(Throwable error) {
        }
    }

    private final WorkerSupervisor worker;
    private final Listener listener;
    private final Scene scene = BenchScene.scene();
    private final SplittableRandom random = new SplittableRandom();
    private volatile boolean running;
    private volatile CompletableFuture<JobResult> current;
    private Thread thread;

    public LocalJobLoop(WorkerSupervisor worker, Listener listener) {
        this.worker = worker;
        this.listener = listener;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofVirtual().name("local-jobs").start(() -> {
            try {
                loop();
            } catch (RuntimeException | Error e) {
                running = false;
                listener.died(e);
            }
        });
    }

    private void loop() {
        int tiles = 0;
        for (int pass = 1; running; pass++) {
            listener.imageStarted(pass);
            for (int y = 0; y < HEIGHT && running; y += TILE) {
                for (int x = 0; x < WIDTH && running; x += TILE) {
                    RenderJob job = new RenderJob(scene, WIDTH, HEIGHT, x, y, TILE, TILE, SAMPLES, pass);
                    JobResult result = await(worker.submit(job));
                    if (result == null) {
                        continue;
                    }
                    boolean ok = new RenderVerifier().check(job, result.values()).ok();
                    listener.tile(new TileDone(job, result.values(), result.nanos(), result.backend(), ok));
                    if (++tiles % TILES_PER_GEMM == 0 && running) {
                        runGemm();
                    }
                }
            }
        }
    }

    private void runGemm() {
        GemmJob job = new GemmJob(GEMM_N, GEMM_N, GEMM_N, randomMatrix(), randomMatrix());
        JobResult result = await(worker.submit(job));
        if (result != null) {
            boolean ok = Freivalds.standard().check(job, result.values()).ok();
            listener.gemm(new GemmDone(GEMM_N, result.nanos(), result.backend(), ok));
        }
    }

    private float[] randomMatrix() {
        float[] m = new float[GEMM_N * GEMM_N];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return m;
    }

    /** The result, or null after a failure (reported) or when stopped. */
    private JobResult await(CompletableFuture<JobResult> future) {
        current = future;
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return null;
        } catch (ExecutionException e) {
            if (running) {
                listener.failed(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                sleepQuietly();
            }
            return null;
        } catch (java.util.concurrent.CancellationException e) {
            return null;
        } finally {
            current = null;
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1000); // a failing worker is being restarted by its supervisor: do not spin
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        CompletableFuture<JobResult> job = current;
        if (job != null) {
            worker.cancel(job);
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
