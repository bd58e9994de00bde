package org.hearth.compute.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.compute.job.Backend;
import org.hearth.compute.job.BackendReport;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.render.PackedScene;
import org.hearth.compute.render.PathTracer;

/**
 * The CPU backend: gemm on the Vector API ({@link CpuSgemm}) and the path tracer, on a fixed pool of
 * platform threads sized by the maximum-threads limit. Always available where the JVM runs with
 * {@code --add-modules jdk.incubator.vector}.
 */
public final class CpuBackend implements Backend {

    public static final String NAME = "cpu";

    private final int threads;
    private final ExecutorService pool;
    private final CpuSgemm sgemm;

    /** A backend using at most {@code maxThreads} threads (clamped to 1..available processors). */
    public CpuBackend(int maxThreads) {
        this.threads = Math.max(1, Math.min(maxThreads, Runtime.getRuntime().availableProcessors()));
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "hearth-cpu-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
        this.sgemm = new CpuSgemm(pool, threads);
    }

    public CpuBackend() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    @Override
    public String name() {
        return NAME;
    }

    public BackendReport report() {
        return BackendReport.available(NAME, List.of(CpuDevice.describe(threads)));
    }

    @Override
    public float[] gemm(GemmJob job, CancelToken cancel) {
        return sgemm.multiply(job, cancel);
    }

    @Override
    public float[] renderTile(RenderJob job, CancelToken cancel) {
        PackedScene scene = PackedScene.of(job.scene(), job.width(), job.height());
        float[] out = new float[Math.toIntExact(job.resultLength())];
        AtomicInteger nextRow = new AtomicInteger();
        Callable<Void> worker = () -> {
            for (int row = nextRow.getAndIncrement(); row < job.tileH(); row = nextRow.getAndIncrement()) {
                for (int col = 0; col < job.tileW(); col++) {
                    cancel.checkpoint();
                    PathTracer.pixel(scene, job.tileX() + col, job.tileY() + row, job.width(), job.height(),
                            job.samplesPerPixel(), job.seed(), out, (row * job.tileW() + col) * 3);
                }
            }
            return null;
        };
        int workers = Math.min(threads, job.tileH());
        List<Future<Void>> futures = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            futures.add(pool.submit(worker));
        }
        await(futures, cancel);
        return out;
    }

    static void await(List<Future<Void>> futures, CancelToken cancel) {
        RuntimeException failure = null;
        for (Future<Void> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                cancel.cancel(); // the other workers stop at their next checkpoint
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re
                            : new IllegalStateException("kernel failed", e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel.cancel();
                failure = new IllegalStateException("interrupted while waiting for the kernel", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
