package org.hearth.app.compute;

import java.util.Optional;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.blob.Cid;
import org.hearth.compute.blob.JobManifest;
import org.hearth.compute.blob.ManifestCodec;
import org.hearth.compute.job.GemmBlobs;
import org.hearth.compute.job.JobLimits;
import org.hearth.market.agent.ProviderJob;
import org.web3j.utils.Numeric;

/** The tile a render job produced, from this machine's own blob store (its manifest and its result), as an image. */
final class TileThumbnail {

    private TileThumbnail() {
    }

    /** Empty when the job is not a render, has no result yet, or its blobs are not in {@code store}. */
    static Optional<Image> of(ProviderJob job, BlobStore store) {
        if (job.resultCid() == null) {
            return Optional.empty();
        }
        try {
            Optional<byte[]> manifest = store.get(Cid.fromDigest(Numeric.hexStringToByteArray(job.spec())));
            Optional<byte[]> result = store.get(Cid.parse(job.resultCid()));
            if (manifest.isEmpty() || result.isEmpty()
                    || !(new ManifestCodec(JobLimits.DEFAULT).parse(manifest.get()) instanceof JobManifest.Render r)) {
                return Optional.empty();
            }
            float[] rgb = GemmBlobs.decodeMatrix(result.get(), r.tileH(), r.tileW() * 3);
            WritableImage image = new WritableImage(r.tileW(), r.tileH());
            PixelWriter w = image.getPixelWriter();
            for (int y = 0; y < r.tileH(); y++) {
                for (int x = 0; x < r.tileW(); x++) {
                    int i = (y * r.tileW() + x) * 3;
                    w.setColor(x, y, Color.color(tone(rgb[i]), tone(rgb[i + 1]), tone(rgb[i + 2])));
                }
            }
            return Optional.of(image);
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // stored blobs are untrusted input too: no tile rather than a crash
        }
    }

    private static double tone(float linear) {
        double v = Float.isFinite(linear) ? Math.max(0, Math.min(1, linear)) : 0;
        return Math.pow(v, 1 / 2.2);
    }
}
