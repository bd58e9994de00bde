package org.hearth.app.nft;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.hearth.app.desktop.Messages;
import org.hearth.app.desktop.UiThread;
import org.hearth.nft.NftService;
import org.hearth.nft.media.Thumbnails;

/**
 * Thumbnails for the grid, made off the FX thread only when a cell asks (lazily: only visible cells
 * ask) and kept in a bounded LRU, so 1,000 tokens cost at most {@value #KEEP} small images in memory.
 * The media bytes themselves are cached on disk by content hash (the NFT cache). A thumbnail that
 * cannot be made is remembered as its one-line reason, shown in the cell's placeholder.
 */
public final class NftThumbnails {

    public static final int SIDE = 160;
    static final int KEEP = 240;
    private static final int PARALLEL = 4;

    /** A thumbnail or the reason there is none. */
    public record Thumb(Image image, String error) {
    }

    private final Map<String, Thumb> lru = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Thumb> eldest) {
            return size() > KEEP;
        }
    };
    private final Semaphore permits = new Semaphore(PARALLEL);
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    static String key(NftService.Listed l) {
        return l.nft().contract() + "/" + l.nft().tokenId();
    }

    /** The thumbnail if it is ready (FX thread). */
    public Thumb ready(NftService.Listed l) {
        return lru.get(key(l));
    }

    /**
     * Makes the thumbnail of {@code l} and hands it to {@code done} on the FX thread (at once when it is
     * ready). A request whose cell scrolled away before its turn ({@code stillWanted} false) is dropped.
     */
    public void request(NftService service, NftService.Listed l, java.util.function.BooleanSupplier stillWanted, Consumer<Thumb> done) {
        Thumb known = lru.get(key(l));
        if (known != null) {
            done.accept(known);
            return;
        }
        workers.submit(() -> {
            Thumb made;
            try {
                permits.acquire();
                try {
                    if (!stillWanted.getAsBoolean()) {
                        return;
                    }
                    made = new Thumb(SwingFXUtils.toFXImage(Thumbnails.render(service.image(l.metadata()).bytes(), SIDE), null), null);
                } finally {
                    permits.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                made = new Thumb(null, Messages.describe(e));
            }
            Thumb result = made;
            UiThread.run(() -> {
                lru.put(key(l), result);
                done.accept(result);
            });
        });
    }

    /** Forgets every thumbnail (after a refresh or a new session). */
    public void clear() {
        lru.clear();
    }

    /** How many thumbnails are held now (tests: memory stays bounded). */
    public int held() {
        return lru.size();
    }
}
