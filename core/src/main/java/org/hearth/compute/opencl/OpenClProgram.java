package org.hearth.compute.opencl;

import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_program;

/** Builds one of our fixed kernel sources (classpath {@code org/hearth/compute/kernels}) for a device. */
final class OpenClProgram {

    private OpenClProgram() {
    }

    static String source(String file) {
        String path = "/org/hearth/compute/kernels/" + file;
        try (InputStream in = OpenClProgram.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("kernel source " + path + " is missing from this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles with the driver's compiler; on failure the exception carries the driver's build log. */
    static cl_program build(cl_context context, cl_device_id device, String file, String options) {
        cl_program program = CL.clCreateProgramWithSource(context, 1, new String[] {source(file)}, null, null);
        try {
            CL.clBuildProgram(program, 1, new cl_device_id[] {device}, options, null, null);
            return program;
        } catch (CLException e) {
            String log = buildLog(program, device);
            CL.clReleaseProgram(program);
            throw new OpenClException("the OpenCL driver could not build " + file + " (" + e.getMessage() + ")"
                    + (log.isBlank() ? "" : ": " + log.strip()));
        }
    }

    private static String buildLog(cl_program program, cl_device_id device) {
        try {
            long[] size = new long[1];
            CL.clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, 0, null, size);
            byte[] log = new byte[(int) Math.min(size[0], 1 << 16)];
            CL.clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, log.length, Pointer.to(log), null);
            int end = log.length;
            while (end > 0 && log[end - 1] == 0) {
                end--;
            }
            return new String(log, 0, end, StandardCharsets.UTF_8);
        } catch (CLException e) {
            return "";
        }
    }
}
