package org.hearth.compute.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Content-addressed blobs in one folder of the data dir ({@code blobs/}), one file per id, named by the id.
 * Writes go to a temporary file hashed while written, then are moved into place atomically, so a reader
 * never sees half a blob and two writers of the same bytes agree. Reads re-hash every time: a file
 * changed on disk (or planted by hand) is refused, never served or used.
 */
public final class BlobStore {

    /** Largest blob kept or fetched by default: a gemm input of 4096² f32 is 64 MiB. */
    public static final long DEFAULT_MAX_BYTES = 256L << 20;

    private final Path dir;
    private final long maxBytes;

    public BlobStore(Path dir, long maxBytes) {
        if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("blob size cap must be 1.." + (Integer.MAX_VALUE - 8));
        }
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    /** The store in {@code dataDirRoot/blobs} with the default cap. */
    public static BlobStore inDataDir(Path dataDirRoot) {
        return new BlobStore(dataDirRoot.resolve("blobs"), DEFAULT_MAX_BYTES);
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Path dir() {
        return dir;
    }

    public Cid put(byte[] content) {
        if (content.length > maxBytes) {
            throw tooLarge(content.length);
        }
        Cid cid = Cid.of(content);
        if (!has(cid)) {
            write(cid, content);
        }
        return cid;
    }

    /** Copies a stream in, hashing as it goes; refuses it once it passes the cap. */
    public Cid put(InputStream in) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".put-", ".tmp");
            try {
                MessageDigest sha = Cid.sha256();
                long total = 0;
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
                    byte[] buf = new byte[1 << 16];
                    for (int r; (r = in.read(buf)) > 0; ) {
                        total += r;
                        if (total > maxBytes) {
                            throw tooLarge(total);
                        }
                        out.write(buf, 0, r);
                    }
                }
                Cid cid = Cid.ofDigest(sha);
                moveIntoPlace(tmp, path(cid));
                return cid;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new BlobException("cannot store blob in " + dir + ": " + e.getMessage(), e);
        }
    }

    public Cid putFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return put(in);
        } catch (NoSuchFileException e) {
            throw new BlobException("no such file: " + file, e);
        } catch (IOException e) {
            throw new BlobException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public boolean has(Cid cid) {
        return Files.isRegularFile(path(cid));
    }

    /**
     * The blob's bytes, re-hashed: empty when absent; a file whose bytes no longer match its name is
     * deleted and reported as a {@link BlobException}.
     */
    public Optional<byte[]> get(Cid cid) {
        Path file = path(cid);
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw tooLarge(size);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new BlobException("cannot read blob " + cid + ": " + e.getMessage(), e);
        }
        if (!cid.matches(bytes)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // Refused either way; a later put replaces it.
            }
            throw new BlobException("stored blob " + cid + " does not match its id (changed on disk); it was removed");
        }
        return Optional.of(bytes);
    }

    private void write(Cid cid, byte[] content) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".put-", ".tmp");
            try {
                Files.write(tmp, content);
                moveIntoPlace(tmp, path(cid));
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new BlobException("cannot store blob " + cid + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Same id, same bytes: the other writer's copy is as good as ours.
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path path(Cid cid) {
        return dir.resolve(cid.toString());
    }

    private BlobException tooLarge(long size) {
        return new BlobException("blob of " + size + " bytes or more is over the cap of " + maxBytes + " bytes");
    }
}
