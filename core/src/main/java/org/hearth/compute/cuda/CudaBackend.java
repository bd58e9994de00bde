package org.hearth.compute.cuda;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.hearth.compute.gpu.BandPlanner;
import org.hearth.compute.gpu.GemmTiling;
import org.hearth.compute.gpu.PaddedGemm;
import org.hearth.compute.job.Backend;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.DeviceInfo;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.JobRejectedException;
import org.hearth.compute.job.RenderJob;

/**
 * Runs the fixed kernels on one NVIDIA GPU through the driver API. The kernels come from the fatbin
 * that nvcc built into this jar (SASS for sm_80/sm_90, PTX for newer GPUs); a launch is split into
 * bands of rows so that pause and cancel act within a fraction of a second.
 */
public final class CudaBackend implements Backend {

    /** Built by core/scripts/build-cuda-kernels.sh from core/src/main/cuda/gemm.cu. */
    static final String GEMM_FATBIN = "/org/hearth/compute/kernels/gemm.fatbin";
    /** Must match the tile defines in gemm.cu. */
    static final GemmTiling TILING = GemmTiling.LARGE;
    private static final long BAND_NANOS = 80_000_000L;

    private final CudaDriver driver;
    private final int device;
    private final DeviceInfo info;
    private final long memoryCapBytes;
    private final long context;
    private final long module;
    private final long gemmFunction;
    /** Null when this build has no render fatbin. */
    private final CudaRenderer renderer;

    private CudaBackend(CudaDriver driver, int device, DeviceInfo info, long memoryCapBytes, byte[] fatbin) {
        this.driver = driver;
        this.device = device;
        this.info = info;
        this.memoryCapBytes = memoryCapBytes > 0 ? Math.min(memoryCapBytes, info.memoryBytes()) : info.memoryBytes();
        this.context = driver.retainPrimaryContext(device);
        long m = 0;
        try {
            m = driver.loadModule(fatbin);
            this.gemmFunction = driver.function(m, "gemm");
        } catch (RuntimeException e) {
            if (m != 0) {
                driver.unloadModule(m);
            }
            driver.releasePrimaryContext(device);
            throw e;
        }
        this.module = m;
        byte[] renderFatbin = resource(CudaRenderer.RENDER_FATBIN);
        CudaRenderer r = null;
        try {
            r = renderFatbin == null ? null : new CudaRenderer(driver, renderFatbin);
        } catch (CudaException e) {
            driver.unloadModule(m);
            driver.releasePrimaryContext(device);
            throw e;
        }
        this.renderer = r;
    }

    /** The gemm fatbin in this build, or null when it was built without nvcc. */
    public static byte[] gemmFatbin() {
        return resource(GEMM_FATBIN);
    }

    private static byte[] resource(String path) {
        try (InputStream in = CudaBackend.class.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens GPU {@code ordinal}: primary context, kernel module. Throws {@link CudaException} in the
     * driver's words when it cannot.
     *
     * @param memoryCapBytes most GPU memory one job may use; 0 for the GPU's whole memory
     */
    public static CudaBackend open(CudaDriver driver, int ordinal, DeviceInfo info, long memoryCapBytes) {
        byte[] fatbin = gemmFatbin();
        if (fatbin == null) {
            throw new CudaException("no CUDA kernels in this build (nvcc was not found when it was built)");
        }
        return new CudaBackend(driver, driver.device(ordinal), info, memoryCapBytes, fatbin);
    }

    @Override
    public String name() {
        return "cuda";
    }

    public DeviceInfo device() {
        return info;
    }

    @Override
    public synchronized float[] gemm(GemmJob job, CancelToken cancel) {
        PaddedGemm padded = PaddedGemm.of(job, TILING);
        if (padded.deviceBytes() > memoryCapBytes) {
            throw new JobRejectedException(job + " needs " + (padded.deviceBytes() >> 20) + " MiB of GPU memory, over the cap of "
                    + (memoryCapBytes >> 20) + " MiB on " + info.name());
        }
        driver.makeCurrent(context);
        long a = 0;
        long b = 0;
        long c = 0;
        try (Arena arena = Arena.ofConfined()) {
            a = driver.memAlloc(4L * padded.mp() * padded.kp());
            b = driver.memAlloc(4L * padded.kp() * padded.np());
            c = driver.memAlloc(4L * padded.mp() * padded.np());
            driver.copyToDevice(a, padded.a());
            driver.copyToDevice(b, padded.b());
            MemorySegment tile0 = arena.allocate(JAVA_INT);
            MemorySegment params = arena.allocate(ADDRESS, 7);
            MemorySegment[] args = {
                    arena.allocateFrom(JAVA_INT, padded.mp()), arena.allocateFrom(JAVA_INT, padded.np()),
                    arena.allocateFrom(JAVA_INT, padded.kp()), tile0,
                    arena.allocateFrom(JAVA_LONG, a), arena.allocateFrom(JAVA_LONG, b), arena.allocateFrom(JAVA_LONG, c)};
            for (int i = 0; i < args.length; i++) {
                params.setAtIndex(ADDRESS, i, args[i]);
            }
            BandPlanner bands = new BandPlanner((padded.mp() / TILING.tsm()) * (padded.np() / TILING.tsn()), BAND_NANOS);
            while (bands.hasNext()) {
                cancel.checkpoint();
                int tiles = bands.size();
                long started = System.nanoTime();
                tile0.set(JAVA_INT, 0, bands.start());
                driver.launch(gemmFunction, tiles, 1, TILING.groupX(), TILING.groupY(), params);
                driver.synchronize();
                bands.finished(tiles, System.nanoTime() - started);
            }
            float[] result = new float[padded.mp() * padded.np()];
            driver.copyToHost(result, c);
            return padded.unpad(result);
        } finally {
            free(a);
            free(b);
            free(c);
        }
    }

    private void free(long pointer) {
        if (pointer != 0) {
            driver.memFree(pointer);
        }
    }

    @Override
    public synchronized float[] renderTile(RenderJob job, CancelToken cancel) {
        if (renderer == null) {
            throw new CudaException("no CUDA render kernel in this build");
        }
        driver.makeCurrent(context);
        return renderer.render(job, cancel);
    }

    @Override
    public synchronized void close() {
        driver.makeCurrent(context);
        if (renderer != null) {
            renderer.close();
        }
        driver.unloadModule(module);
        driver.releasePrimaryContext(device);
    }
}
