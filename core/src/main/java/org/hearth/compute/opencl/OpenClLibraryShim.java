package org.hearth.compute.opencl;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * JOCL 2.0.5 on Linux opens only "libOpenCL.so", a name that the ICD loader's runtime package does
 * not install (it ships libOpenCL.so.1; the bare name comes with the -dev package). For the worker
 * child we make a directory with that name linked to the loader and put it on LD_LIBRARY_PATH.
 */
public final class OpenClLibraryShim {

    private OpenClLibraryShim() {
    }

    /** The directory to add to the child's LD_LIBRARY_PATH, or null when JOCL finds OpenCL as it is (or nothing helps). */
    public static Path directoryIfNeeded() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux") || loads("libOpenCL.so")) {
            return null;
        }
        Optional<Path> loader = loaderPath();
        if (loader.isEmpty()) {
            return null;
        }
        try {
            return create(Path.of(System.getProperty("java.io.tmpdir"), "hearth-opencl-" + System.getProperty("user.name", "user")), loader.get());
        } catch (IOException e) {
            return null;
        }
    }

    /** Makes {@code dir/libOpenCL.so} a link to {@code loader}; returns {@code dir}. */
    public static Path create(Path dir, Path loader) throws IOException {
        Files.createDirectories(dir);
        Path link = dir.resolve("libOpenCL.so");
        if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(loader)) {
            return dir;
        }
        Path tmp = dir.resolve("libOpenCL.so." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createSymbolicLink(tmp, loader);
        Files.move(tmp, link, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return dir;
    }

    /** Where the dynamic linker finds libOpenCL.so.1 (read from our own memory map after loading it). */
    public static Optional<Path> loaderPath() {
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup.libraryLookup("libOpenCL.so.1", arena);
            return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(p -> p.startsWith("/") && Path.of(p).getFileName().toString().startsWith("libOpenCL.so.1"))
                    .findFirst().map(Path::of);
        } catch (Throwable e) {
            // Not installed, no native access, or no /proc: JOCL will report OpenCL as missing.
            return Optional.empty();
        }
    }

    private static boolean loads(String name) {
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup.libraryLookup(name, arena);
            return true;
        } catch (Throwable e) {
            return false;
        }
    }
}
