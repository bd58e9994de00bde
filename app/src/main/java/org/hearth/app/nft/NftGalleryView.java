package org.hearth.app.nft;

import java.nio.file.Path;
import java.util.ResourceBundle;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridView;
import org.controlsfx.control.SegmentedButton;
import org.hearth.app.control.ScreenHeader;
import org.hearth.app.desktop.Messages;
import org.hearth.app.shell.Navigator;
import org.hearth.app.shell.Page;
import org.hearth.app.shell.Screen;
import org.hearth.app.shell.ScreenContext;
import org.hearth.app.wallet.WalletModel;
import org.hearth.chain.session.ChainSession;
import org.hearth.nft.NftService;
import org.hearth.store.SettingsRepository;
import org.hearth.tokens.TokenText;

/**
 * The NFTs screen: the selected account's tokens as a virtualised grid of thumbnails (only the cells
 * on screen exist and ask for thumbnails), a search, a collection filter and the Shown / Hidden / Spam
 * views. A click opens the token's detail page. Loads when shown, and when the account or chain changes.
 */
public final class NftGalleryView implements Page {

    private final ResourceBundle text;
    private final ObservableValue<ChainSession> session;
    private final ObservableValue<String> account;
    private final NftGalleryModel model;
    private final NftThumbnails thumbnails = new NftThumbnails();
    private final NftDetailPage.Opener opener;
    private final Label status = new Label();
    private final GridView<NftService.Listed> grid;
    private final VBox root;
    private final InvalidationListener reload = o -> reload();
    private String error;
    /** The session and account the grid shows: thumbnails are kept by contract and id, so they go when either changes. */
    private Object shownFor;

    public NftGalleryView(ResourceBundle text, ObservableValue<ChainSession> session, ObservableValue<String> account,
                          SettingsRepository settings, Path cacheDir,
                          java.util.function.Function<ChainSession, java.util.Optional<java.net.URI>> localGateway, NftDetailPage.Opener opener) {
        this.text = text;
        this.session = session;
        this.account = account;
        this.model = new NftGalleryModel(settings, cacheDir, localGateway);
        this.opener = opener;
        TextField search = new TextField();
        search.setId("nfts-search");
        search.setPromptText(text.getString("nfts.search"));
        model.query.bind(search.textProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button refresh = new Button(text.getString("nfts.refresh"));
        refresh.setId("nfts-refresh");
        refresh.setOnAction(e -> {
            thumbnails.clear();
            reload();
        });
        HBox bar = new HBox(8, search, collectionBox(), views(), refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        status.setId("nfts-status");
        status.getStyleClass().add("text-muted");
        status.setWrapText(true);
        model.status.addListener(o -> showStatus());
        model.shown.addListener((javafx.collections.ListChangeListener<NftService.Listed>) c -> showStatus());
        grid = new GridView<>(model.shown);
        grid.setId("nfts-grid");
        grid.setCellWidth(NftThumbnails.SIDE + 16);
        grid.setCellHeight(NftThumbnails.SIDE + 72);
        grid.setHorizontalCellSpacing(8);
        grid.setVerticalCellSpacing(8);
        grid.setCellFactory(g -> {
            NftCell cell = new NftCell(text, thumbnails, this::currentService);
            cell.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && cell.getItem() != null) {
                    open(cell.getItem());
                }
            });
            return cell;
        });
        VBox.setVgrow(grid, Priority.ALWAYS);
        root = new VBox(12, new ScreenHeader(text.getString("nfts.title"), text.getString("nfts.subtitle")), bar, status, grid);
        root.setPadding(new Insets(24));
    }

    /** The screen as the shell builds it: the chain's session, the wallet's selected account, the navigator for the detail page. */
    public static Page create(ScreenContext c) {
        ObservableValue<String> account = c.wallet().selected.map(a -> a.address());
        WalletModel wallet = c.wallet();
        Navigator<Screen> nav = c.navigator();
        Path cacheDir = c.services().dataDir().root().resolve("nft-cache");
        NftDetailPage.Opener opener = (chain, svc, listed, from, onChanged) -> nav.push(new NftDetailPage(c.text(), chain, svc, listed,
                from, wallet::signer, onChanged, nav::push, nav::back));
        java.util.function.Function<ChainSession, java.util.Optional<java.net.URI>> local = s -> s.isLocal()
                ? java.util.Optional.of(c.services().blobServer().base()) : java.util.Optional.empty();
        return new NftGalleryView(c.text(), c.chain().session(), account, c.services().settings(), cacheDir, local, opener);
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void onActivate() {
        session.addListener(reload);
        account.addListener(reload);
        if (model.rows.isEmpty()) {
            reload();
        }
    }

    @Override
    public void onDeactivate() {
        session.removeListener(reload);
        account.removeListener(reload);
        model.cancel();
    }

    /** Loads the account's tokens again (off the FX thread); the grid keeps its cells until the new list arrives. */
    public void reload() {
        ChainSession s = session.getValue();
        String a = account.getValue();
        error = null;
        if (s == null || s.isClosed() || a == null) {
            model.clear();
            error = text.getString(s == null || s.isClosed() ? "nfts.noChain" : "nfts.noAccount");
            showStatus();
            return;
        }
        if (!java.util.List.of(s, a).equals(shownFor)) {
            thumbnails.clear();
            shownFor = java.util.List.of(s, a);
        }
        model.load(s, a, e -> {
            error = Messages.describe(text, e);
            showStatus();
        });
    }

    private NftService currentService() {
        ChainSession s = session.getValue();
        return s == null || s.isClosed() ? null : model.service(s);
    }

    private void open(NftService.Listed listed) {
        NftService s = currentService();
        if (s != null) {
            opener.open(session.getValue(), s, listed, account.getValue(), () -> {
                thumbnails.clear();
                reload();
            });
        }
    }

    private void showStatus() {
        String key = model.status.get();
        status.setText(error != null ? error : key.isEmpty() ? "" : key.equals("nfts.count")
                ? String.format(text.getString(key), model.shown.size(), model.rows.size()) : text.getString(key));
    }

    private ComboBox<NftGalleryModel.Collection> collectionBox() {
        ComboBox<NftGalleryModel.Collection> box = new ComboBox<>();
        box.setId("nfts-collection");
        box.setPromptText(text.getString("nfts.allCollections"));
        model.collections.addListener((javafx.collections.ListChangeListener<NftGalleryModel.Collection>) c -> {
            java.util.List<NftGalleryModel.Collection> items = new java.util.ArrayList<>(model.collections);
            items.addFirst(ALL);
            box.getItems().setAll(items);
        });
        box.setCellFactory(l -> new CollectionCell(false));
        box.setButtonCell(new CollectionCell(true));
        box.valueProperty().addListener((obs, was, is) -> model.collection.set(is == null ? null : is.contract()));
        model.collection.addListener((obs, was, is) -> {
            if (is == null && box.getValue() != null && box.getValue() != ALL) {
                box.setValue(ALL);
            }
        });
        return box;
    }

    /** The filter's first entry: every collection. */
    private static final NftGalleryModel.Collection ALL = new NftGalleryModel.Collection(null, null, 0);

    private final class CollectionCell extends ListCell<NftGalleryModel.Collection> {
        /** The combo's button: with no choice (the list was just replaced) it says "all", which is what the filter does then. */
        private final boolean button;

        CollectionCell(boolean button) {
            this.button = button;
        }

        @Override
        protected void updateItem(NftGalleryModel.Collection c, boolean empty) {
            super.updateItem(c, empty);
            setText((empty || c == null) && !button ? null : c == null || c == ALL ? text.getString("nfts.allCollections") : String.format(text.getString("nfts.collectionItem"),
                    c.name() == null ? text.getString("nfts.unnamed") : TokenText.name(c.name()), c.count()));
        }
    }

    private SegmentedButton views() {
        ToggleGroup group = new ToggleGroup();
        SegmentedButton buttons = new SegmentedButton();
        buttons.setToggleGroup(group);
        for (NftGalleryModel.View v : NftGalleryModel.View.values()) {
            ToggleButton b = new ToggleButton(text.getString("nfts.view." + v.name().toLowerCase(java.util.Locale.ROOT)));
            b.setId("nfts-view-" + v.name().toLowerCase(java.util.Locale.ROOT));
            b.setUserData(v);
            b.setSelected(v == NftGalleryModel.View.SHOWN);
            buttons.getButtons().add(b);
        }
        group.selectedToggleProperty().addListener((obs, was, is) -> {
            if (is == null) {
                was.setSelected(true); // one view is always chosen
            } else {
                model.view.set((NftGalleryModel.View) is.getUserData());
            }
        });
        return buttons;
    }

    /** The gallery's model (tests). */
    public NftGalleryModel model() {
        return model;
    }

    /** The thumbnail cache (tests). */
    public NftThumbnails thumbnails() {
        return thumbnails;
    }
}
