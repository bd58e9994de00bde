package org.hearth.compute.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Optional;

/**
 * The benchmark's peer: OpenBLAS {@code cblas_sgemm} (Debian's libopenblas0-pthread) called in-process
 * through FFM. Only the benchmark uses it; it is never a backend.
 */
public final class OpenBlasSgemm {

    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final List<String> LIBRARIES = List.of("libopenblas.so.0", "libopenblas.so",
            "/usr/lib/x86_64-linux-gnu/libopenblas.so.0", "/usr/lib/aarch64-linux-gnu/libopenblas.so.0");

    private final MethodHandle sgemm;
    private final String library;

    private OpenBlasSgemm(MethodHandle sgemm, MethodHandle setThreads, String library, int threads) throws Throwable {
        this.sgemm = sgemm;
        this.library = library;
        if (setThreads != null) {
            setThreads.invokeExact(threads);
        }
    }

    /** OpenBLAS limited to {@code threads} threads, or empty with no library (the reason goes to {@code why}). */
    public static Optional<OpenBlasSgemm> load(int threads, StringBuilder why) {
        Linker linker = Linker.nativeLinker();
        for (String name : LIBRARIES) {
            SymbolLookup lookup;
            try {
                lookup = SymbolLookup.libraryLookup(name, Arena.global());
            } catch (IllegalArgumentException | IllegalCallerException e) {
                why.setLength(0);
                why.append(e.getMessage());
                continue;
            }
            Optional<MemorySegment> symbol = lookup.find("cblas_sgemm");
            if (symbol.isEmpty()) {
                continue;
            }
            MethodHandle sgemm = linker.downcallHandle(symbol.get(), FunctionDescriptor.ofVoid(
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_FLOAT, ValueLayout.ADDRESS,
                    ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_FLOAT,
                    ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            MethodHandle setThreads = lookup.find("openblas_set_num_threads")
                    .map(s -> linker.downcallHandle(s, FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT))).orElse(null);
            try {
                return Optional.of(new OpenBlasSgemm(sgemm, setThreads, name, threads));
            } catch (Throwable e) {
                why.setLength(0);
                why.append("openblas_set_num_threads failed: ").append(e);
            }
        }
        if (why.isEmpty()) {
            why.append("no libopenblas with cblas_sgemm found (apt-get install libopenblas0-pthread)");
        }
        return Optional.empty();
    }

    public String library() {
        return library;
    }

    /** Native buffers for one problem, so timing covers only the multiply. */
    public final class Problem implements AutoCloseable {
        private final Arena arena = Arena.ofConfined();
        private final int m;
        private final int k;
        private final int n;
        private final MemorySegment a;
        private final MemorySegment b;
        private final MemorySegment c;

        public Problem(int m, int k, int n, float[] a, float[] b) {
            this.m = m;
            this.k = k;
            this.n = n;
            this.a = arena.allocate(ValueLayout.JAVA_FLOAT, a.length);
            this.b = arena.allocate(ValueLayout.JAVA_FLOAT, b.length);
            this.c = arena.allocate(ValueLayout.JAVA_FLOAT, (long) m * n);
            MemorySegment.copy(a, 0, this.a, ValueLayout.JAVA_FLOAT, 0, a.length);
            MemorySegment.copy(b, 0, this.b, ValueLayout.JAVA_FLOAT, 0, b.length);
        }

        public void multiply() {
            try {
                sgemm.invokeExact(ROW_MAJOR, NO_TRANS, NO_TRANS, m, n, k, 1f, a, k, b, n, 0f, c, n);
            } catch (Throwable e) {
                throw new IllegalStateException("cblas_sgemm failed", e);
            }
        }

        public float[] result() {
            return c.toArray(ValueLayout.JAVA_FLOAT);
        }

        @Override
        public void close() {
            arena.close();
        }
    }
}
