package org.hearth.compute.opencl;

import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;
import static org.jocl.CL.CL_TRUE;

import java.util.ArrayList;
import java.util.List;
import org.hearth.compute.gpu.BandPlanner;
import org.hearth.compute.job.CancelToken;
import org.hearth.compute.job.RenderJob;
import org.hearth.compute.render.PackedScene;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/** The render kernel (render.cl) on one OpenCL device; the tile runs in bands of pixels. */
final class OpenClRenderer implements AutoCloseable {

    private static final long BAND_NANOS = 80_000_000L;

    private final cl_context context;
    private final cl_command_queue queue;
    private final cl_program program;
    private final cl_kernel kernel;
    private final int groupSize;

    /**
     * @param gpu work-groups of 64 on GPUs; of 8 on CPUs, where PoCL's own choice ran the kernel
     *            13× slower (0.19 vs 2.6 Msamples/s on 2 cores)
     */
    OpenClRenderer(cl_context context, cl_command_queue queue, cl_device_id device, boolean gpu) {
        this.context = context;
        this.queue = queue;
        this.groupSize = gpu ? 64 : 8;
        this.program = OpenClProgram.build(context, device, "render.cl", "");
        this.kernel = CL.clCreateKernel(program, "render", null);
    }

    float[] render(RenderJob job, CancelToken cancel) {
        PackedScene scene = PackedScene.of(job.scene(), job.width(), job.height());
        int pixels = job.tileW() * job.tileH();
        List<cl_mem> buffers = new ArrayList<>();
        try {
            cl_mem cam = input(scene.camera(), buffers);
            cl_mem spheres = input(scene.spheres(), buffers);
            cl_mem planes = input(scene.planes(), buffers);
            cl_mem bg = input(scene.background(), buffers);
            cl_mem out = CL.clCreateBuffer(context, CL_MEM_WRITE_ONLY, 4L * 3 * pixels, null, null);
            buffers.add(out);
            Object[] args = {cam, spheres, scene.sphereCount(), planes, scene.planeCount(), bg, job.width(), job.height(),
                    job.tileX(), job.tileY(), job.tileW(), pixels, 0, job.samplesPerPixel(), (int) job.seed(), (int) (job.seed() >>> 32), out};
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof cl_mem mem) {
                    CL.clSetKernelArg(kernel, i, Sizeof.cl_mem, Pointer.to(mem));
                } else {
                    CL.clSetKernelArg(kernel, i, Sizeof.cl_int, Pointer.to(new int[] {(Integer) args[i]}));
                }
            }
            BandPlanner bands = new BandPlanner(pixels, BAND_NANOS);
            while (bands.hasNext()) {
                cancel.checkpoint();
                int count = bands.size();
                long started = System.nanoTime();
                CL.clSetKernelArg(kernel, 12, Sizeof.cl_int, Pointer.to(new int[] {bands.start()}));
                // Arg 11 ends the band: the launch is rounded up to whole work-groups.
                CL.clSetKernelArg(kernel, 11, Sizeof.cl_int, Pointer.to(new int[] {bands.start() + count}));
                long global = (count + groupSize - 1) / groupSize * groupSize;
                CL.clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {global}, new long[] {groupSize}, 0, null, null);
                CL.clFinish(queue);
                bands.finished(count, System.nanoTime() - started);
            }
            float[] result = new float[3 * pixels];
            CL.clEnqueueReadBuffer(queue, out, CL_TRUE, 0, 4L * result.length, Pointer.to(result), 0, null, null);
            return result;
        } finally {
            buffers.forEach(CL::clReleaseMemObject);
        }
    }

    /** A read-only copy; OpenCL has no empty buffers, so an empty array becomes one unused float. */
    private cl_mem input(float[] values, List<cl_mem> buffers) {
        float[] data = values.length == 0 ? new float[1] : values;
        cl_mem mem = CL.clCreateBuffer(context, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, 4L * data.length, Pointer.to(data), null);
        buffers.add(mem);
        return mem;
    }

    @Override
    public void close() {
        CL.clReleaseKernel(kernel);
        CL.clReleaseProgram(program);
    }
}
