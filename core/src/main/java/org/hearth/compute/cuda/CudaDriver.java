package org.hearth.compute.cuda;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CUDA driver API (libcuda.so.1 / nvcuda.dll) through Java's FFM: no JNI, no toolkit needed at
 * run time. Symbols are bound when first used, so a library that lacks one (a stub, a fake, an old
 * driver) fails on that call with a clear message instead of at load.
 */
public final class CudaDriver implements AutoCloseable {

    private static final Linker LINKER = Linker.nativeLinker();

    private final Arena arena;
    private final SymbolLookup symbols;
    private final String library;
    private final Map<String, MethodHandle> handles = new ConcurrentHashMap<>();

    private CudaDriver(SymbolLookup symbols, String library, Arena arena) {
        this.symbols = symbols;
        this.library = library;
        this.arena = arena;
    }

    /** The driver library for this OS, or the given path (tests point it elsewhere). */
    public static String defaultLibrary() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("win") ? "nvcuda.dll" : "libcuda.so.1";
    }

    /**
     * Loads the driver library (a bare name goes through the system's search path). Throws
     * {@link CudaException} when it is missing and {@link IllegalCallerException} when the JVM denies
     * native access (the caller reports it).
     */
    public static CudaDriver load(String library) {
        Arena arena = Arena.ofShared();
        try {
            boolean isPath = library.contains("/") || library.contains("\\");
            SymbolLookup lookup = isPath ? SymbolLookup.libraryLookup(Path.of(library), arena) : SymbolLookup.libraryLookup(library, arena);
            return new CudaDriver(lookup, library, arena);
        } catch (IllegalArgumentException e) {
            arena.close();
            throw new CudaException("the CUDA driver library " + library + " is not installed (no NVIDIA driver found)");
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    public String library() {
        return library;
    }

    private MethodHandle handle(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return handles.computeIfAbsent(name, n -> {
            MemorySegment address = symbols.find(n).orElseThrow(() -> new CudaException(
                    library + " has no " + n + ": it is not a working CUDA driver (a stub or an old driver?)"));
            return LINKER.downcallHandle(address, descriptor, options);
        });
    }

    private int call(String name, FunctionDescriptor descriptor, Object... args) {
        try {
            return (int) handle(name, descriptor).invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new CudaException(name + " failed: " + t);
        }
    }

    /** Calls a driver function and throws with the step's name and the error in words unless it succeeded. */
    private void check(String name, FunctionDescriptor descriptor, Object... args) {
        int code = call(name, descriptor, args);
        if (code != 0) {
            throw new CudaException(name + " returned " + CudaErrors.describe(code), code);
        }
    }

    private static FunctionDescriptor fn(MemoryLayout... args) {
        return FunctionDescriptor.of(JAVA_INT, args);
    }

    public void init() {
        check("cuInit", fn(JAVA_INT), 0);
    }

    /** e.g. 12080 for CUDA 12.8. */
    public int driverVersion() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(JAVA_INT);
            check("cuDriverGetVersion", fn(ADDRESS), out);
            return out.get(JAVA_INT, 0);
        }
    }

    public int deviceCount() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(JAVA_INT);
            check("cuDeviceGetCount", fn(ADDRESS), out);
            return out.get(JAVA_INT, 0);
        }
    }

    /** The CUdevice handle of ordinal {@code i}. */
    public int device(int ordinal) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(JAVA_INT);
            check("cuDeviceGet", fn(ADDRESS, JAVA_INT), out, ordinal);
            return out.get(JAVA_INT, 0);
        }
    }

    public String deviceName(int device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(256);
            check("cuDeviceGetName", fn(ADDRESS, JAVA_INT, JAVA_INT), out, 256, device);
            return out.getString(0, StandardCharsets.UTF_8);
        }
    }

    public long totalMemory(int device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(JAVA_LONG);
            check("cuDeviceTotalMem_v2", fn(ADDRESS, JAVA_INT), out, device);
            return out.get(JAVA_LONG, 0);
        }
    }

    /** cuDeviceGetAttribute: 16 = multiprocessors, 75/76 = compute capability major/minor. */
    public int attribute(int device, int attribute) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(JAVA_INT);
            check("cuDeviceGetAttribute", fn(ADDRESS, JAVA_INT, JAVA_INT), out, attribute, device);
            return out.get(JAVA_INT, 0);
        }
    }

    /**
     * The device's primary context, made current on this thread. (CUDA 13 replaced cuCtxCreate's
     * signature; the primary context is the stable way to get one, and the one the runtime API shares.)
     */
    public long retainPrimaryContext(int device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ADDRESS);
            check("cuDevicePrimaryCtxRetain", fn(ADDRESS, JAVA_INT), out, device);
            long ctx = out.get(ADDRESS, 0).address();
            makeCurrent(ctx);
            return ctx;
        }
    }

    /** Contexts are current per thread; every call path sets it before its first driver call. */
    public void makeCurrent(long context) {
        check("cuCtxSetCurrent", fn(ADDRESS), MemorySegment.ofAddress(context));
    }

    public void releasePrimaryContext(int device) {
        check("cuDevicePrimaryCtxRelease_v2", fn(JAVA_INT), device);
    }

    /** Loads a fatbin (or PTX) image; the driver picks the SASS for this GPU or JIT-compiles the PTX. */
    public long loadModule(byte[] image) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment data = a.allocate(image.length + 1L, 16);
            MemorySegment.copy(image, 0, data, JAVA_BYTE, 0, image.length);
            MemorySegment out = a.allocate(ADDRESS);
            check("cuModuleLoadData", fn(ADDRESS, ADDRESS), out, data);
            return out.get(ADDRESS, 0).address();
        }
    }

    public void unloadModule(long module) {
        check("cuModuleUnload", fn(ADDRESS), MemorySegment.ofAddress(module));
    }

    public long function(long module, String name) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ADDRESS);
            check("cuModuleGetFunction", fn(ADDRESS, ADDRESS, ADDRESS), out, MemorySegment.ofAddress(module), a.allocateFrom(name));
            return out.get(ADDRESS, 0).address();
        }
    }

    public long memAlloc(long bytes) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(JAVA_LONG);
            check("cuMemAlloc_v2", fn(ADDRESS, JAVA_LONG), out, bytes);
            return out.get(JAVA_LONG, 0);
        }
    }

    public void memFree(long devicePointer) {
        check("cuMemFree_v2", fn(JAVA_LONG), devicePointer);
    }

    public void copyToDevice(long devicePointer, float[] host) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocateFrom(JAVA_FLOAT, host);
            check("cuMemcpyHtoD_v2", fn(JAVA_LONG, ADDRESS, JAVA_LONG), devicePointer, buf, 4L * host.length);
        }
    }

    public void copyToHost(float[] host, long devicePointer) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(4L * host.length, 16);
            check("cuMemcpyDtoH_v2", fn(ADDRESS, JAVA_LONG, JAVA_LONG), buf, devicePointer, 4L * host.length);
            MemorySegment.copy(buf, JAVA_FLOAT, 0, host, 0, host.length);
        }
    }

    /** Launches on the default stream; {@code params} points at an array of pointers to the arguments. */
    public void launch(long function, int gridX, int gridY, int blockX, int blockY, MemorySegment params) {
        check("cuLaunchKernel", fn(ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS),
                MemorySegment.ofAddress(function), gridX, gridY, 1, blockX, blockY, 1, 0, MemorySegment.NULL, params, MemorySegment.NULL);
    }

    public void synchronize() {
        check("cuCtxSynchronize", fn());
    }

    /** Unloads the library; every handle from it is invalid afterwards. */
    @Override
    public void close() {
        arena.close();
    }
}
