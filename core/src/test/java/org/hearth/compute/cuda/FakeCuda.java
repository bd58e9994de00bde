package org.hearth.compute.cuda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Builds small shared libraries that pretend to be libcuda, with gcc, for the failure paths of the CUDA backend. */
final class FakeCuda {

    private FakeCuda() {
    }

    /** No libc: the library links with -nostdlib so only gcc (no libc headers) is needed. */
    static Path build(Path dir, String name, String cSource) throws IOException, InterruptedException {
        Path src = dir.resolve(name + ".c");
        Path lib = dir.resolve("lib" + name + ".so");
        Files.writeString(src, cSource);
        Process gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-nostdlib", "-o", lib.toString(), src.toString())
                .redirectErrorStream(true).start();
        String out = new String(gcc.getInputStream().readAllBytes());
        if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
            throw new AssertionError("gcc failed (the tests need gcc): " + out);
        }
        return lib;
    }

    /** cuInit fails with {@code initResult}; the version call works. */
    static String initFails(int initResult) {
        return """
                int cuDriverGetVersion(int *v) { *v = 12080; return 0; }
                int cuInit(unsigned int flags) { return %d; }
                """.formatted(initResult);
    }

    /** Initialises but lacks every other driver call. */
    static final String ONLY_INIT = """
            int cuDriverGetVersion(int *v) { *v = 13000; return 0; }
            int cuInit(unsigned int flags) { return 0; }
            """;

    /** One "GPU" whose context cannot be created. */
    static final String DEVICE_WITHOUT_CONTEXT = """
            int cuDriverGetVersion(int *v) { *v = 12040; return 0; }
            int cuInit(unsigned int flags) { return 0; }
            int cuDeviceGetCount(int *n) { *n = 1; return 0; }
            int cuDeviceGet(int *d, int ordinal) { *d = ordinal; return ordinal == 0 ? 0 : 101; }
            int cuDeviceGetName(char *name, int len, int d) {
                const char *s = "Fake GPU"; int i = 0;
                for (; s[i] && i < len - 1; i++) name[i] = s[i];
                name[i] = 0; return 0;
            }
            int cuDeviceTotalMem_v2(unsigned long *bytes, int d) { *bytes = 8UL << 30; return 0; }
            int cuDeviceGetAttribute(int *v, int attr, int d) { *v = attr == 16 ? 108 : attr == 75 ? 8 : 0; return 0; }
            int cuDevicePrimaryCtxRetain(void **ctx, int d) { return 46; }
            """;

    /**
     * A "GPU" that accepts every call (memory is a bump allocator over a static buffer, copies are
     * real) but whose kernel launches do nothing: the whole CUDA call sequence runs, and the result
     * is wrong, as a broken GPU's would be.
     */
    static final String DEVICE_THAT_COMPUTES_NOTHING = """
            static unsigned char heap[64 << 20];
            static unsigned long used = 0;
            int cuDriverGetVersion(int *v) { *v = 12080; return 0; }
            int cuInit(unsigned int flags) { return 0; }
            int cuDeviceGetCount(int *n) { *n = 1; return 0; }
            int cuDeviceGet(int *d, int ordinal) { *d = 0; return 0; }
            int cuDeviceGetName(char *name, int len, int d) { name[0] = 'N'; name[1] = 'o'; name[2] = 'p'; name[3] = 0; return 0; }
            int cuDeviceTotalMem_v2(unsigned long *bytes, int d) { *bytes = sizeof heap; return 0; }
            int cuDeviceGetAttribute(int *v, int attr, int d) { *v = attr == 75 ? 9 : attr == 76 ? 0 : 132; return 0; }
            int cuDevicePrimaryCtxRetain(void **ctx, int d) { *ctx = (void *) 1; return 0; }
            int cuDevicePrimaryCtxRelease_v2(int d) { return 0; }
            int cuCtxSetCurrent(void *ctx) { return ctx == (void *) 1 ? 0 : 201; }
            int cuModuleLoadData(void **module, const void *image) { *module = (void *) 2; return 0; }
            int cuModuleUnload(void *module) { return 0; }
            int cuModuleGetFunction(void **f, void *module, const char *name) { *f = (void *) 3; return 0; }
            int cuMemAlloc_v2(unsigned long *ptr, unsigned long bytes) {
                if (used + bytes > sizeof heap) return 2;
                for (unsigned long i = 0; i < bytes; i++) heap[used + i] = 0;
                *ptr = (unsigned long) (heap + used);
                used += (bytes + 255) & ~255UL;
                return 0;
            }
            int cuMemFree_v2(unsigned long ptr) { return 0; }
            int cuMemcpyHtoD_v2(unsigned long dst, const void *src, unsigned long n) {
                for (unsigned long i = 0; i < n; i++) ((unsigned char *) dst)[i] = ((const unsigned char *) src)[i];
                return 0;
            }
            int cuMemcpyDtoH_v2(void *dst, unsigned long src, unsigned long n) {
                for (unsigned long i = 0; i < n; i++) ((unsigned char *) dst)[i] = ((const unsigned char *) src)[i];
                return 0;
            }
            int cuLaunchKernel(void *f, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by, unsigned bz,
                               unsigned shared, void *stream, void **params, void **extra) { return 0; }
            int cuCtxSynchronize(void) { return 0; }
            """;
}
