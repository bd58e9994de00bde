package org.hearth.compute.opencl;

import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_COMPUTE_UNITS;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_NOT_FOUND;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_DEVICE_VENDOR;
import static org.jocl.CL.CL_DRIVER_VERSION;
import static org.jocl.CL.CL_PLATFORM_NAME;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hearth.compute.job.DeviceInfo;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * Finds OpenCL platforms and devices through JOCL. Every way this can fail (JOCL's native library,
 * no ICD loader libOpenCL.so.1, no installed drivers) ends in a {@link Discovery} with a plain
 * reason instead of an exception.
 */
public final class OpenClDevices {

    /** The ICD loader's code for "no platform installed" (cl_khr_icd). */
    private static final int CL_PLATFORM_NOT_FOUND_KHR = -1001;

    private OpenClDevices() {
    }

    /** One device with the handles needed to use it. */
    public record Found(cl_platform_id platform, cl_device_id device, String platformName, boolean gpu, DeviceInfo info) {
    }

    /** The devices found, or why none could be looked for. */
    public record Discovery(List<Found> devices, String failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    private static volatile Discovery cached;

    /** Discovery runs once per process: drivers do not appear while we run, and some are slow to ask. */
    public static Discovery discover() {
        Discovery d = cached;
        if (d == null) {
            d = discoverNow();
            cached = d;
        }
        return d;
    }

    private static Discovery discoverNow() {
        try {
            CL.setExceptionsEnabled(true);
            int[] count = new int[1];
            try {
                CL.clGetPlatformIDs(0, null, count);
            } catch (CLException e) {
                if (e.getStatus() == CL_PLATFORM_NOT_FOUND_KHR) {
                    return new Discovery(List.of(), "no OpenCL platform is installed (the ICD loader found no driver in /etc/OpenCL/vendors)");
                }
                throw e;
            }
            if (count[0] == 0) {
                return new Discovery(List.of(), "no OpenCL platform is installed");
            }
            cl_platform_id[] platforms = new cl_platform_id[count[0]];
            CL.clGetPlatformIDs(platforms.length, platforms, null);
            List<Found> found = new ArrayList<>();
            for (cl_platform_id platform : platforms) {
                found.addAll(devicesOf(platform));
            }
            return new Discovery(List.copyOf(found), null);
        } catch (CLException e) {
            return new Discovery(List.of(), "OpenCL failed while listing devices: " + e.getMessage());
        } catch (LinkageError e) {
            // UnsatisfiedLinkError / NoClassDefFoundError: JOCL's native part or libOpenCL.so.1 is missing.
            return new Discovery(List.of(), "OpenCL is not installed: " + oneLine(e));
        } catch (RuntimeException e) {
            return new Discovery(List.of(), "OpenCL could not be loaded: " + oneLine(e));
        }
    }

    private static List<Found> devicesOf(cl_platform_id platform) {
        String platformName = platformString(platform, CL_PLATFORM_NAME);
        int[] count = new int[1];
        try {
            CL.clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, null, count);
        } catch (CLException e) {
            if (e.getStatus() == CL_DEVICE_NOT_FOUND) {
                return List.of();
            }
            throw e;
        }
        cl_device_id[] devices = new cl_device_id[count[0]];
        CL.clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, devices.length, devices, null);
        List<Found> found = new ArrayList<>();
        for (cl_device_id device : devices) {
            boolean gpu = (deviceLong(device, CL_DEVICE_TYPE) & CL_DEVICE_TYPE_GPU) != 0;
            DeviceInfo info = new DeviceInfo(
                    deviceString(device, CL_DEVICE_NAME),
                    deviceString(device, CL_DEVICE_VENDOR),
                    deviceLong(device, CL_DEVICE_GLOBAL_MEM_SIZE),
                    "OpenCL " + platformName + " " + deviceString(device, CL_DRIVER_VERSION),
                    deviceInt(device, CL_DEVICE_MAX_COMPUTE_UNITS));
            found.add(new Found(platform, device, platformName, gpu, info));
        }
        return found;
    }

    static String deviceString(cl_device_id device, int param) {
        long[] size = new long[1];
        CL.clGetDeviceInfo(device, param, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        CL.clGetDeviceInfo(device, param, bytes.length, Pointer.to(bytes), null);
        return cString(bytes);
    }

    static long deviceLong(cl_device_id device, int param) {
        long[] value = new long[1];
        CL.clGetDeviceInfo(device, param, Sizeof.cl_ulong, Pointer.to(value), null);
        return value[0];
    }

    static int deviceInt(cl_device_id device, int param) {
        int[] value = new int[1];
        CL.clGetDeviceInfo(device, param, Sizeof.cl_uint, Pointer.to(value), null);
        return value[0];
    }

    private static String platformString(cl_platform_id platform, int param) {
        long[] size = new long[1];
        CL.clGetPlatformInfo(platform, param, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        CL.clGetPlatformInfo(platform, param, bytes.length, Pointer.to(bytes), null);
        return cString(bytes);
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8).trim();
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ');
    }
}
