package org.hearth.compute.opencl;

import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_LOCAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;
import static org.jocl.CL.CL_TRUE;

import org.hearth.compute.gpu.BandPlanner;
import org.hearth.compute.gpu.GemmTiling;
import org.hearth.compute.gpu.PaddedGemm;
import org.hearth.compute.job.Backend;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.GemmJob;
import org.hearth.compute.job.JobRejectedException;
import org.hearth.compute.job.RenderJob;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * Runs the fixed kernels on one OpenCL device. The kernels are compiled by the device's driver when
 * the backend opens; a kernel launch is split into bands of rows so that pause and cancel act
 * between bands, within a fraction of a second.
 */
public final class OpenClBackend implements Backend {

    private static final long BAND_NANOS = 80_000_000L;

    private final OpenClDevices.Found device;
    private final String name;
    private final long memoryCapBytes;
    private final long maxAlloc;
    private final GemmTiling tiling;
    private final cl_context context;
    private final cl_command_queue queue;
    private final cl_program gemmProgram;
    private final cl_kernel gemmKernel;
    /** Null when the driver could not build render.cl; {@link #renderFailure} says why. */
    private final OpenClRenderer renderer;
    private final String renderFailure;

    private OpenClBackend(OpenClDevices.Found device, long memoryCapBytes, GemmTiling tiling) {
        this.device = device;
        this.name = device.gpu() ? "opencl-gpu" : "opencl-cpu";
        this.tiling = tiling;
        long global = OpenClDevices.deviceLong(device.device(), CL_DEVICE_GLOBAL_MEM_SIZE);
        this.memoryCapBytes = memoryCapBytes > 0 ? Math.min(memoryCapBytes, global) : global;
        this.maxAlloc = OpenClDevices.deviceLong(device.device(), CL_DEVICE_MAX_MEM_ALLOC_SIZE);
        cl_context_properties props = new cl_context_properties();
        props.addProperty(CL_CONTEXT_PLATFORM, device.platform());
        this.context = CL.clCreateContext(props, 1, new cl_device_id[] {device.device()}, null, null, null);
        cl_command_queue q = null;
        cl_program p = null;
        try {
            q = CL.clCreateCommandQueue(context, device.device(), 0, null);
            boolean cpuKernel = tiling.equals(GemmTiling.CPU);
            p = OpenClProgram.build(context, device.device(), cpuKernel ? "gemm_cpu.cl" : "gemm.cl", cpuKernel ? "" : tiling.defines());
            this.gemmKernel = CL.clCreateKernel(p, cpuKernel ? "gemm_cpu" : "gemm", null);
        } catch (RuntimeException e) {
            if (p != null) {
                CL.clReleaseProgram(p);
            }
            if (q != null) {
                CL.clReleaseCommandQueue(q);
            }
            CL.clReleaseContext(context);
            throw e;
        }
        this.queue = q;
        this.gemmProgram = p;
        OpenClRenderer r = null;
        String failure = null;
        try {
            r = new OpenClRenderer(context, queue, device.device(), device.gpu());
        } catch (OpenClException | CLException e) {
            failure = e.getMessage();
        }
        this.renderer = r;
        this.renderFailure = failure;
    }

    /**
     * Opens the device: creates a context and compiles the kernels. Throws {@link OpenClException}
     * with the driver's words (build log included) when the device cannot be used.
     *
     * @param memoryCapBytes most device memory one job may use; 0 for the device's whole memory
     */
    public static OpenClBackend open(OpenClDevices.Found device, long memoryCapBytes) {
        return open(device, memoryCapBytes, chooseTiling(device));
    }

    /** With a given tile shape (tests run the CUDA build's tiles on PoCL). */
    static OpenClBackend open(OpenClDevices.Found device, long memoryCapBytes, GemmTiling tiling) {
        try {
            return new OpenClBackend(device, memoryCapBytes, tiling);
        } catch (CLException e) {
            throw new OpenClException("OpenCL device " + device.info().name() + " failed: " + e.getMessage());
        }
    }

    private static GemmTiling chooseTiling(OpenClDevices.Found device) {
        long local = OpenClDevices.deviceLong(device.device(), CL_DEVICE_LOCAL_MEM_SIZE);
        long group = OpenClDevices.deviceLong(device.device(), CL_DEVICE_MAX_WORK_GROUP_SIZE);
        if (!device.gpu()) {
            return GemmTiling.CPU;
        }
        GemmTiling t = GemmTiling.LARGE;
        if (local < t.localMemoryBytes() || group < (long) t.groupX() * t.groupY()) {
            t = GemmTiling.SMALL;
        }
        if (local < t.localMemoryBytes() || group < (long) t.groupX() * t.groupY()) {
            throw new OpenClException("OpenCL device " + device.info().name() + " is too small for the gemm kernel ("
                    + local + " bytes of local memory, work-groups of " + group + ")");
        }
        return t;
    }

    @Override
    public String name() {
        return name;
    }

    public OpenClDevices.Found device() {
        return device;
    }

    @Override
    public synchronized float[] gemm(GemmJob job, CancelToken cancel) {
        PaddedGemm padded = PaddedGemm.of(job, tiling);
        checkMemory(padded);
        cl_mem a = null;
        cl_mem b = null;
        cl_mem c = null;
        try {
            a = CL.clCreateBuffer(context, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, 4L * padded.mp() * padded.kp(), Pointer.to(padded.a()), null);
            b = CL.clCreateBuffer(context, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, 4L * padded.kp() * padded.np(), Pointer.to(padded.b()), null);
            c = CL.clCreateBuffer(context, CL_MEM_WRITE_ONLY, 4L * padded.mp() * padded.np(), null, null);
            setInt(0, padded.mp());
            setInt(1, padded.np());
            setInt(2, padded.kp());
            CL.clSetKernelArg(gemmKernel, 4, Sizeof.cl_mem, Pointer.to(a));
            CL.clSetKernelArg(gemmKernel, 5, Sizeof.cl_mem, Pointer.to(b));
            CL.clSetKernelArg(gemmKernel, 6, Sizeof.cl_mem, Pointer.to(c));
            long[] local = {tiling.groupX(), tiling.groupY()};
            BandPlanner bands = new BandPlanner((padded.mp() / tiling.tsm()) * (padded.np() / tiling.tsn()), BAND_NANOS);
            while (bands.hasNext()) {
                cancel.checkpoint();
                int tiles = bands.size();
                long started = System.nanoTime();
                setInt(3, bands.start());
                long[] global = {(long) tiles * tiling.groupX(), tiling.groupY()};
                CL.clEnqueueNDRangeKernel(queue, gemmKernel, 2, null, global, local, 0, null, null);
                CL.clFinish(queue);
                bands.finished(tiles, System.nanoTime() - started);
            }
            float[] result = new float[padded.mp() * padded.np()];
            CL.clEnqueueReadBuffer(queue, c, CL_TRUE, 0, 4L * result.length, Pointer.to(result), 0, null, null);
            return padded.unpad(result);
        } catch (CLException e) {
            throw new OpenClException("OpenCL gemm on " + device.info().name() + " failed: " + e.getMessage());
        } finally {
            release(a);
            release(b);
            release(c);
        }
    }

    private void checkMemory(PaddedGemm padded) {
        long biggest = 4L * Math.max((long) padded.mp() * padded.kp(), Math.max((long) padded.kp() * padded.np(), (long) padded.mp() * padded.np()));
        if (padded.deviceBytes() > memoryCapBytes) {
            throw new JobRejectedException(padded.job() + " needs " + (padded.deviceBytes() >> 20) + " MiB of device memory, over the cap of "
                    + (memoryCapBytes >> 20) + " MiB on " + device.info().name());
        }
        if (biggest > maxAlloc) {
            throw new JobRejectedException(padded.job() + " needs a " + (biggest >> 20) + " MiB buffer; "
                    + device.info().name() + " allows " + (maxAlloc >> 20) + " MiB per buffer");
        }
    }

    @Override
    public synchronized float[] renderTile(RenderJob job, CancelToken cancel) {
        if (renderer == null) {
            throw new OpenClException("render is not available on " + device.info().name() + ": " + renderFailure);
        }
        try {
            return renderer.render(job, cancel);
        } catch (CLException e) {
            throw new OpenClException("OpenCL render on " + device.info().name() + " failed: " + e.getMessage());
        }
    }

    private void setInt(int index, int value) {
        CL.clSetKernelArg(gemmKernel, index, Sizeof.cl_int, Pointer.to(new int[] {value}));
    }

    private static void release(cl_mem mem) {
        if (mem != null) {
            CL.clReleaseMemObject(mem);
        }
    }

    @Override
    public synchronized void close() {
        if (renderer != null) {
            renderer.close();
        }
        CL.clReleaseKernel(gemmKernel);
        CL.clReleaseProgram(gemmProgram);
        CL.clReleaseCommandQueue(queue);
        CL.clReleaseContext(context);
    }
}
