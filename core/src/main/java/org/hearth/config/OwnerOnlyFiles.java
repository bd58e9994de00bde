package org.hearth.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files with keys or recovery phrases (exports, keystores, phrase files), written readable and writable by
 * their owner only (mode 600) from the moment they exist, so no other user can open them in between.
 * The CLI and the desktop app both write them here. On a file system without POSIX permissions (Windows)
 * the user's profile folder protects the file instead.
 */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /**
     * Creates {@code file} owner-only and writes {@code bytes}; refuses to overwrite anything.
     *
     * @throws FileAlreadyExistsException the file exists; nothing was written
     */
    public static void writeNew(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = create(file)) {
            write(channel, bytes);
        }
    }

    /**
     * Writes {@code bytes} to {@code file}, replacing it if it exists (the user chose to, in a save dialog): a new
     * owner-only file beside it is renamed over it, so the result is owner-only even where the old file was not.
     */
    public static void replace(Path file, byte[] bytes) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".hearth-tmp");
        Files.deleteIfExists(temp);
        try {
            writeNew(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static FileChannel create(Path file) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            FileChannel channel = FileChannel.open(file, options, mode);
            // the umask may only remove bits, never add them; set the mode again in case the file system ignored it
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            return channel;
        } catch (UnsupportedOperationException notPosix) {
            return FileChannel.open(file, options);
        }
    }

    private static void write(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(true);
    }
}
