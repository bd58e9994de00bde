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
}
