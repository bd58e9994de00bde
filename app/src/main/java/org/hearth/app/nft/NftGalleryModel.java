package org.hearth.app.nft;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.hearth.app.desktop.UiThread;
import org.hearth.chain.session.ChainSession;
import org.hearth.nft.NftCache;
import org.hearth.nft.NftGateways;
import org.hearth.nft.NftService;
import org.hearth.nft.OwnedNft;
import org.hearth.store.SettingsRepository;

/**
 * The gallery's state: every token the account holds (hidden and spam included, so switching views
 * needs no reload), and the filters over them: the view (shown, hidden, spam), a collection and a
 * search. Loading runs off the FX thread; only the newest load fills the list.
 */
public final class NftGalleryModel {

    /** Which tokens the grid shows: the visible ones, those the user hid, or those a spam rule hid. */
    public enum View { SHOWN, HIDDEN, SPAM }

    /** A collection in the filter: its contract, name (may be null) and how many tokens of the current view it has. */
    public record Collection(String contract, String name, int count) {
    }

    public final ObservableList<NftService.Listed> rows = FXCollections.observableArrayList();
    public final FilteredList<NftService.Listed> shown = new FilteredList<>(rows, r -> true);
    public final ObservableList<Collection> collections = FXCollections.observableArrayList();
    public final StringProperty query = new SimpleStringProperty("");
    /** The chosen collection's contract, or null for all. */
    public final ObjectProperty<String> collection = new SimpleObjectProperty<>();
    public final ObjectProperty<View> view = new SimpleObjectProperty<>(View.SHOWN);
    /** A problem key or bundle key for the status line, and its error text when a load failed. */
    public final StringProperty status = new SimpleStringProperty("");

    private final SettingsRepository settings;
    private final Path cacheDir;
    private final java.util.function.Function<ChainSession, Optional<java.net.URI>> localGateway;
    private final AtomicLong generation = new AtomicLong();
    private ChainSession serviceSession;
    private NftService service;

    /** {@code localGateway}: the local blob server's base for a session on the local chain (the default IPFS gateway there). */
    public NftGalleryModel(SettingsRepository settings, Path cacheDir,
                           java.util.function.Function<ChainSession, Optional<java.net.URI>> localGateway) {
        this.settings = settings;
        this.cacheDir = cacheDir;
        this.localGateway = localGateway;
        query.addListener(o -> refilter());
        collection.addListener(o -> refilter());
        view.addListener(o -> {
            collection.set(null);
            recount();
            refilter();
        });
    }

    /** The service for {@code session}, made once per session (its fetcher and cache are reused by the thumbnails). */
    public synchronized NftService service(ChainSession session) {
        if (service == null || serviceSession != session) {
            NftGateways gateways = NftGateways.fromSettings(settings, localGateway.apply(session));
            service = new NftService(session, gateways, session.own(new NftCache(session.database(), cacheDir)));
            serviceSession = session;
        }
        return service;
    }

    /** Loads what {@code account} holds on {@code session}; {@code onError} gets the failure on the FX thread. */
    public void load(ChainSession session, String account, java.util.function.Consumer<Throwable> onError) {
        long mine = generation.incrementAndGet();
        status.set("nfts.loading");
        UiThread.background(() -> service(session).list(account, true), loaded -> {
            if (generation.get() == mine) {
                rows.setAll(loaded);
                recount();
                refilter();
            }
        }, e -> {
            if (generation.get() == mine) {
                onError.accept(e);
            }
        });
    }

    /** Forgets a load in flight (the screen was hidden or the chain went away). */
    public void cancel() {
        generation.incrementAndGet();
    }

    public void clear() {
        cancel();
        rows.clear();
        collections.clear();
    }

    static View viewOf(OwnedNft n) {
        return n.hidden() ? View.HIDDEN : n.spam() ? View.SPAM : View.SHOWN;
    }

    private void recount() {
        Map<String, Collection> byContract = new LinkedHashMap<>();
        for (NftService.Listed l : rows) {
            if (viewOf(l.nft()) == view.get()) {
                byContract.merge(l.nft().contract(), new Collection(l.nft().contract(), l.nft().collection(), 1),
                        (a, b) -> new Collection(a.contract(), a.name(), a.count() + 1));
            }
        }
        collections.setAll(byContract.values());
    }

    private void refilter() {
        String q = query.get() == null ? "" : query.get().strip().toLowerCase(Locale.ROOT);
        String c = collection.get();
        View v = view.get();
        shown.setPredicate(l -> viewOf(l.nft()) == v && (c == null || c.equals(l.nft().contract())) && matches(l, q));
        status.set(rows.isEmpty() ? "nfts.empty" : shown.isEmpty() ? "nfts.noneHere" : "nfts.count");
    }

    private static boolean matches(NftService.Listed l, String q) {
        if (q.isEmpty()) {
            return true;
        }
        OwnedNft n = l.nft();
        return contains(l.name(), q) || contains(n.collection(), q) || n.contract().contains(q) || n.tokenId().toString().equals(q);
    }

    private static boolean contains(String s, String q) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(q);
    }

    /** What the list holds now (tests). */
    public List<NftService.Listed> rows() {
        return List.copyOf(rows);
    }
}
