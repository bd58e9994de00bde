package org.hearth.wallet.vault;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;

/**
 * Replaces the vault file so that a crash (or kill -9, or power loss) at any moment leaves either
 * the old or the new version readable:
 * <ol>
 *   <li>write {@code vault.hearth.tmp} in the same folder, fsync it, read it back and verify it;</li>
 *   <li>copy the current file to {@code vault.hearth.bak} (itself written via a fsynced temp file);</li>
 *   <li>rename the temp file over the vault atomically, fsync the folder;</li>
 *   <li>read the vault back and verify it again; only then delete the backup, whose old password
 *       should not keep working after a password change.</li>
 * </ol>
 */
final class AtomicVaultWriter {

    /** File locks exclude other processes; this excludes other threads of this one (a JVM cannot lock a file twice). */
    private static final java.util.concurrent.ConcurrentHashMap<Path, Object> IN_PROCESS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Called after each step of a replacement with the step's name: "temp written", "backup written", "renamed",
     * "verified", "backup deleted". A seam for tests, which throw from it to stop there as a crash would.
     */
    static volatile Consumer<String> afterStep = step -> { };

    private AtomicVaultWriter() {
    }

    static Path temp(Path file) {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    static Path backup(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    /**
     * Writes {@code bytes} as the new vault; {@code verify} throws when what was read back is not right.
     * {@code expectedSha} is the SHA-256 of the file this state was read from (null: no file yet); if the
     * file changed since (another Hearth process saved), nothing is written, so no change is lost silently.
     * A lock file keeps two processes from interleaving these steps.
     */
    static void replace(Path file, byte[] expectedSha, byte[] bytes, Consumer<byte[]> verify) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            locked(file, () -> {
                requireUnchanged(file, expectedSha);
                replaceLocked(file, dir, bytes, verify);
            });
        } catch (IOException e) {
            throw new VaultException("vault.cannotSave", new Object[] {file, e.getMessage()}, e);
        }
    }

    private static void requireUnchanged(Path file, byte[] expectedSha) throws IOException {
        byte[] current = null;
        if (Files.exists(file)) {
            byte[] bytes = readBounded(file);
            current = VaultFile.sha(bytes, 0, bytes.length);
        }
        if (!java.util.Arrays.equals(current, expectedSha)) {
            throw new VaultException("vault.changedOnDisk", new Object[0], null);
        }
    }

    private static void replaceLocked(Path file, Path dir, byte[] bytes, Consumer<byte[]> verify) throws IOException {
        Path temp = temp(file);
        Path backup = backup(file);
        writeSynced(temp, bytes);
        verifyOrFail(temp, verify, "the new vault file did not read back correctly; the previous one is untouched");
        afterStep.accept("temp written");
        if (Files.exists(file)) {
            Path backupTemp = backup.resolveSibling(backup.getFileName() + ".tmp");
            writeSynced(backupTemp, readBounded(file));
            move(backupTemp, backup);
            afterStep.accept("backup written");
        }
        move(temp, file);
        syncDirectory(dir);
        afterStep.accept("renamed");
        verifyOrFail(file, verify, "the vault file did not read back correctly after saving; the previous version is kept in "
                + backup.getFileName());
        afterStep.accept("verified");
        Files.deleteIfExists(backup);
        syncDirectory(dir);
        afterStep.accept("backup deleted");
    }

    /** Copies a good backup over a missing or damaged vault, keeping the damaged file aside. */
    static Path restore(Path file, byte[] backupBytes) throws IOException {
        Path[] aside = {null};
        locked(file, () -> {
            if (Files.exists(file)) {
                aside[0] = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
                Files.move(file, aside[0]);
            }
            Path temp = temp(file);
            writeSynced(temp, backupBytes);
            move(temp, file);
            syncDirectory(file.toAbsolutePath().getParent());
        });
        return aside[0];
    }

    interface FileWork {
        void run() throws IOException;
    }

    /**
     * Replaces a small file beside the vault (not the vault itself) so that a crash leaves the old or the
     * new content: fsynced temp file, atomic rename, fsynced folder. Callers hold {@link #locked}.
     */
    static void writeSideFile(Path target, byte[] bytes) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        writeSynced(temp, bytes);
        move(temp, target);
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Runs {@code work} holding {@code vault.hearth.lock} (other processes) and a monitor (other threads). */
    static void locked(Path file, FileWork work) throws IOException {
        synchronized (IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new Object())) {
            try (FileChannel lockFile = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockFile.lock()) {
                work.run();
            }
        }
    }

    /** Reads at most {@link VaultFile#MAX_FILE_BYTES} + 1 bytes, so a huge file is never loaded whole. */
    static byte[] readBounded(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(VaultFile.MAX_FILE_BYTES + 1);
        }
    }

    private static void verifyOrFail(Path path, Consumer<byte[]> verify, String message) throws IOException {
        try {
            verify.accept(readBounded(path));
        } catch (VaultException e) {
            throw new VaultException("vault.cannotSaveBecause", new Object[] {message}, e);
        }
    }

    private static void writeSynced(Path path, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ownerOnly(path);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void ownerOnly(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (Windows): the user's profile folder protects the file instead.
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("this file system cannot replace files atomically", e);
        }
    }

    /** Makes the rename durable; some platforms (Windows) cannot open a folder, which is fine there. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not supported on this platform; the rename itself is still atomic.
        }
    }

    static boolean isMissing(IOException e) {
        return e instanceof NoSuchFileException;
    }
}
