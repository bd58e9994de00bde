package org.hearth.compute.thermal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * NVIDIA's management library (libnvidia-ml.so.1 / nvml.dll, shipped with the driver) through FFM:
 * GPU temperatures and power draw, read-only. {@link #open} throws {@link NvmlException} in plain words
 * where the library is missing or is not a working NVML, so callers can say why there is no reading.
 */
public final class Nvml implements AutoCloseable {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final int SUCCESS = 0;
    private static final int TEMPERATURE_GPU = 0;
    private static final int NAME_BYTES = 96;

    private final Arena arena;
    private final SymbolLookup symbols;
    private final String library;

    private Nvml(Arena arena, SymbolLookup symbols, String library) {
        this.arena = arena;
        this.symbols = symbols;
        this.library = library;
    }

    public static String defaultLibrary() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win") ? "nvml.dll" : "libnvidia-ml.so.1";
    }

    /** Loads and initialises NVML; a bare name goes through the system's library search path. */
    public static Nvml open(String library) {
        Arena arena = Arena.ofShared();
        SymbolLookup lookup;
        try {
            boolean isPath = library.contains("/") || library.contains("\\");
            lookup = isPath ? SymbolLookup.libraryLookup(Path.of(library), arena) : SymbolLookup.libraryLookup(library, arena);
        } catch (IllegalArgumentException e) {
            arena.close();
            throw new NvmlException("no NVIDIA driver: " + library + " is not installed");
        } catch (IllegalCallerException e) {
            arena.close();
            throw new NvmlException("native access is not enabled for Hearth, so " + library + " cannot be loaded");
        }
        Nvml nvml = new Nvml(arena, lookup, library);
        try {
            nvml.check("nvmlInit_v2", nvml.call("nvmlInit_v2", FunctionDescriptor.of(JAVA_INT)));
            return nvml;
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** Every GPU with its temperature and power, -1 where this device does not report one. */
    public List<GpuReading> read() {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment count = call.allocate(JAVA_INT);
            check("nvmlDeviceGetCount_v2", call("nvmlDeviceGetCount_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS), count));
            List<GpuReading> gpus = new ArrayList<>();
            for (int i = 0; i < count.get(JAVA_INT, 0); i++) {
                MemorySegment handle = call.allocate(ADDRESS);
                check("nvmlDeviceGetHandleByIndex_v2",
                        call("nvmlDeviceGetHandleByIndex_v2", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), i, handle));
                MemorySegment device = handle.get(ADDRESS, 0);
                MemorySegment name = call.allocate(NAME_BYTES);
                int nameRc = call("nvmlDeviceGetName", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT), device, name, NAME_BYTES);
                MemorySegment value = call.allocate(JAVA_INT);
                int tempRc = call("nvmlDeviceGetTemperature", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS),
                        device, TEMPERATURE_GPU, value);
                int celsius = tempRc == SUCCESS ? value.get(JAVA_INT, 0) : -1;
                int powerRc = call("nvmlDeviceGetPowerUsage", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), device, value);
                long milliwatts = powerRc == SUCCESS ? Integer.toUnsignedLong(value.get(JAVA_INT, 0)) : -1;
                String text = nameRc == SUCCESS ? name.getString(0, StandardCharsets.US_ASCII) : "GPU " + i;
                gpus.add(new GpuReading(i, text, celsius, milliwatts));
            }
            return gpus;
        }
    }

    private int call(String function, FunctionDescriptor descriptor, Object... args) {
        MemorySegment address = symbols.find(function)
                .orElseThrow(() -> new NvmlException(library + " has no " + function + ": it is not a working NVIDIA management library"));
        MethodHandle handle = LINKER.downcallHandle(address, descriptor);
        try {
            return (int) handle.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new NvmlException(function + " failed: " + e);
        }
    }

    private void check(String function, int rc) {
        if (rc != SUCCESS) {
            throw new NvmlException(function + " returned NVML error " + rc);
        }
    }

    @Override
    public void close() {
        try {
            call("nvmlShutdown", FunctionDescriptor.of(JAVA_INT));
        } finally {
            arena.close();
        }
    }
}
