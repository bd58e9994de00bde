package org.hearth.compute.worker;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the protocol channel (the child's stdout) for frames only. Java's System.out goes to stderr,
 * and on Linux and macOS the native stdout (file descriptor 1) is pointed at stderr too, so a driver
 * that prints cannot corrupt a frame; the frames go to a duplicate of the original descriptor.
 */
final class StdoutGuard {

    private StdoutGuard() {
    }

    /** The stream for frames; call once, before anything else could print. */
    static OutputStream protocolStream() {
        OutputStream javaStdout = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle dup = linker.downcallHandle(linker.defaultLookup().find("dup").orElseThrow(), FunctionDescriptor.of(JAVA_INT, JAVA_INT));
            MethodHandle dup2 = linker.downcallHandle(linker.defaultLookup().find("dup2").orElseThrow(), FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
            int copy = (int) dup.invokeExact(1);
            Path fdPath = Files.isDirectory(Path.of("/proc/self/fd")) ? Path.of("/proc/self/fd/" + copy) : Path.of("/dev/fd/" + copy);
            if (copy < 0 || !Files.exists(fdPath)) {
                return javaStdout;
            }
            OutputStream frames = new FileOutputStream(fdPath.toFile());
            if ((int) dup2.invokeExact(2, 1) < 0) {
                frames.close();
                return javaStdout;
            }
            return frames;
        } catch (Throwable e) {
            // No native access or no libc symbol (Windows): Java's own redirection above still holds.
            return javaStdout;
        }
    }
}
