package org.hearth.compute.cuda;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.hearth.compute.gpu.BandPlanner;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.render.PackedScene;

/** The render kernel (render.cu, built from render.cl) on one GPU; the tile runs in bands of pixels. */
final class CudaRenderer {

    static final String RENDER_FATBIN = "/org/hearth/compute/kernels/render.fatbin";
    private static final int BLOCK = 128;
    private static final long BAND_NANOS = 80_000_000L;

    private final CudaDriver driver;
    private final long module;
    private final long function;

    CudaRenderer(CudaDriver driver, byte[] fatbin) {
        this.driver = driver;
        this.module = driver.loadModule(fatbin);
        try {
            this.function = driver.function(module, "render");
        } catch (RuntimeException e) {
            driver.unloadModule(module);
            throw e;
        }
    }

    /** Call with the backend's context current on this thread. */
    float[] render(RenderJob job, CancelToken cancel) {
        PackedScene scene = PackedScene.of(job.scene(), job.width(), job.height());
        int pixels = job.tileW() * job.tileH();
        List<Long> allocations = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            long cam = upload(scene.camera(), allocations);
            long spheres = upload(scene.spheres(), allocations);
            long planes = upload(scene.planes(), allocations);
            long bg = upload(scene.background(), allocations);
            long out = driver.memAlloc(4L * 3 * pixels);
            allocations.add(out);
            MemorySegment pix0 = arena.allocate(JAVA_INT);
            MemorySegment end = arena.allocate(JAVA_INT);
            MemorySegment[] args = {
                    arena.allocateFrom(JAVA_LONG, cam), arena.allocateFrom(JAVA_LONG, spheres), arena.allocateFrom(JAVA_INT, scene.sphereCount()),
                    arena.allocateFrom(JAVA_LONG, planes), arena.allocateFrom(JAVA_INT, scene.planeCount()), arena.allocateFrom(JAVA_LONG, bg),
                    arena.allocateFrom(JAVA_INT, job.width()), arena.allocateFrom(JAVA_INT, job.height()),
                    arena.allocateFrom(JAVA_INT, job.tileX()), arena.allocateFrom(JAVA_INT, job.tileY()), arena.allocateFrom(JAVA_INT, job.tileW()),
                    end, pix0, arena.allocateFrom(JAVA_INT, job.samplesPerPixel()),
                    arena.allocateFrom(JAVA_INT, (int) job.seed()), arena.allocateFrom(JAVA_INT, (int) (job.seed() >>> 32)),
                    arena.allocateFrom(JAVA_LONG, out)};
            MemorySegment params = arena.allocate(ADDRESS, args.length);
            for (int i = 0; i < args.length; i++) {
                params.setAtIndex(ADDRESS, i, args[i]);
            }
            BandPlanner bands = new BandPlanner(pixels, BAND_NANOS);
            while (bands.hasNext()) {
                cancel.checkpoint();
                int count = bands.size();
                long started = System.nanoTime();
                pix0.set(JAVA_INT, 0, bands.start());
                end.set(JAVA_INT, 0, bands.start() + count); // the grid is rounded up to whole blocks
                driver.launch(function, (count + BLOCK - 1) / BLOCK, 1, BLOCK, 1, params);
                driver.synchronize();
                bands.finished(count, System.nanoTime() - started);
            }
            float[] result = new float[3 * pixels];
            driver.copyToHost(result, out);
            return result;
        } finally {
            allocations.forEach(driver::memFree);
        }
    }

    /** A device copy; an empty array becomes one unused float (the kernel never reads it). */
    private long upload(float[] values, List<Long> allocations) {
        float[] data = values.length == 0 ? new float[1] : values;
        long ptr = driver.memAlloc(4L * data.length);
        allocations.add(ptr);
        driver.copyToDevice(ptr, data);
        return ptr;
    }

    void close() {
        driver.unloadModule(module);
    }
}
