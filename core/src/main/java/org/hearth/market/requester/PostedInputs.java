package org.hearth.market.requester;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hearth.compute.blob.Cid;
import org.hearth.compute.blob.JobManifest;
import org.hearth.compute.scene.Scene;

/**
 * The inputs of this requester's jobs awaiting review, kept in memory from the post: the check of a
 * result then reads A and B (or the parsed scene) as they were posted, instead of reading them back from
 * the blob store and hashing them again for every review. Counted per job: an input shared by several
 * jobs (a render's scene) stays until the last of them is reviewed. At most {@code maxBytes} of matrix
 * bytes are held; beyond that a review falls back to the store (hash-checked), as it does for a job
 * posted by another process.
 */
final class PostedInputs {

    /** Default cap: 256 MiB of input matrices (64 jobs of two 1024×1024 f32 matrices). */
    static final long DEFAULT_MAX_BYTES = 256L << 20;

    private record Held(Object value, long bytes, int jobs) {
    }

    private final long maxBytes;
    private final Map<Cid, Held> held = new HashMap<>();
    private long bytes;

    PostedInputs(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Keeps a copy of a posted matrix for one more job (the caller may reuse its array). */
    synchronized void holdMatrix(Cid id, byte[] content) {
        Held h = held.get(id);
        if (h != null) {
            held.put(id, new Held(h.value(), h.bytes(), h.jobs() + 1));
        } else if (bytes + content.length <= maxBytes) {
            held.put(id, new Held(content.clone(), content.length, 1));
            bytes += content.length;
        }
    }

    /** Keeps a posted scene, parsed, for one more job. */
    synchronized void holdScene(Cid id, Scene scene) {
        Held h = held.get(id);
        held.put(id, h == null ? new Held(scene, 0, 1) : new Held(h.value(), h.bytes(), h.jobs() + 1));
    }

    synchronized Optional<byte[]> matrix(Cid id) {
        Held h = held.get(id);
        return h != null && h.value() instanceof byte[] b ? Optional.of(b) : Optional.empty();
    }

    synchronized Optional<Scene> scene(Cid id) {
        Held h = held.get(id);
        return h != null && h.value() instanceof Scene s ? Optional.of(s) : Optional.empty();
    }

    /** The job's review is over: its inputs are no longer needed for it. */
    void release(JobManifest manifest) {
        switch (manifest) {
            case JobManifest.Gemm g -> {
                release(g.a());
                release(g.b());
            }
            case JobManifest.Render r -> release(r.scene());
        }
    }

    synchronized long heldBytes() {
        return bytes;
    }

    private synchronized void release(Cid id) {
        Held h = held.get(id);
        if (h == null) {
            return;
        }
        if (h.jobs() > 1) {
            held.put(id, new Held(h.value(), h.bytes(), h.jobs() - 1));
        } else {
            held.remove(id);
            bytes -= h.bytes();
        }
    }
}
