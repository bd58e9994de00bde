package org.hearth.app.nft;

import java.math.BigInteger;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hearth.app.desktop.Messages;
import org.hearth.app.desktop.UiThread;
import org.hearth.app.shell.Page;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.TxSigner;
import org.hearth.nft.NftMetadata;
import org.hearth.nft.NftService;
import org.hearth.nft.media.Thumbnails;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One token: the large image (or a placeholder with the reason), name, description and attributes as
 * plain text, the contract (checksummed, copyable), token id, standard, amount for ERC-1155, EIP-2981
 * royalty, where the metadata came from, and links that are only ever shown (an {@code animation_url}
 * is never opened or run). Actions: send, hide or show the token or its whole collection, refresh.
 */
public final class NftDetailPage implements Page {

    static final int IMAGE_SIDE = 360;

    /** How the gallery opens a token's page. */
    @FunctionalInterface
    public interface Opener {
        void open(ChainSession session, NftService service, NftService.Listed listed, String account, Runnable onChanged);
    }

    private record Loaded(NftService.Detail detail, Image image, String imageError) {
    }

    private final ResourceBundle text;
    private final ChainSession session;
    private final NftService service;
    private final NftService.Listed listed;
    private final String account;
    private final Function<String, TxSigner> signers;
    private final Runnable onChanged;
    private final Consumer<Page> push;
    private final Runnable back;
    private final StackPane art = new StackPane();
    private final VBox facts = new VBox(12);
    private final Label status = new Label();
    private final VBox root;

    public NftDetailPage(ResourceBundle text, ChainSession session, NftService service, NftService.Listed listed, String account,
                         Function<String, TxSigner> signers, Runnable onChanged, Consumer<Page> push, Runnable back) {
        this.text = text;
        this.session = session;
        this.service = service;
        this.listed = listed;
        this.account = account;
        this.signers = signers;
        this.onChanged = onChanged;
        this.push = push;
        this.back = back;
        art.setId("nft-detail-art");
        art.getStyleClass().add("nft-art");
        art.setMinSize(IMAGE_SIDE, IMAGE_SIDE);
        art.setMaxSize(IMAGE_SIDE, IMAGE_SIDE);
        status.setId("nft-detail-status");
        status.getStyleClass().add("text-muted");
        status.setWrapText(true);
        Label title = new Label(NftCell.title(text, listed));
        title.setId("nft-detail-name");
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        VBox side = new VBox(12, title, actions(), status, facts);
        side.setMaxWidth(560);
        HBox body = new HBox(24, art, side);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setSkin(new javafx.scene.control.skin.ScrollPaneSkin(scroll));
        root = new VBox(12, scroll);
        root.setId("nft-detail");
        root.setPadding(new Insets(24));
        placeholder("fth-image", text.getString("nfts.thumbLoading"));
        load(false);
    }

    @Override
    public Node view() {
        return root;
    }

    private HBox actions() {
        // hidden by the user: show again; hidden by a spam rule: "not spam" (remembered over the rule); else hide
        boolean hidden = listed.nft().hidden() || listed.nft().spam();
        Button send = button("nft-detail-send", "nfts.send", "fth-send", () -> push.accept(new NftSendPage(text, session, listed, account,
                () -> signers.apply(account), () -> {
                    onChanged.run();
                    back.run(); // the send page
                    back.run(); // this page: the token has left
                }, back)));
        send.setDisable(account == null);
        String showKey = listed.nft().spam() ? "nfts.notSpam" : "nfts.unhide";
        Button hide = button("nft-detail-hide", hidden ? showKey : "nfts.hide", hidden ? "fth-eye" : "fth-eye-off",
                () -> setHidden(listed.nft().tokenId(), !hidden));
        boolean collectionHidden = service.hidden().all(session.chainId()).contains(listed.nft().contract());
        Button hideAll = button("nft-detail-hide-collection", collectionHidden ? "nfts.showCollection" : "nfts.hideCollection",
                collectionHidden ? "fth-eye" : "fth-eye-off", () -> setHidden(null, !collectionHidden));
        Button refresh = button("nft-detail-refresh", "nfts.refreshOne", "fth-refresh-cw", () -> load(true));
        HBox box = new HBox(8, send, hide, hideAll, refresh);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Button button(String id, String key, String icon, Runnable action) {
        Button b = new Button(text.getString(key), new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void setHidden(BigInteger tokenId, boolean hide) {
        long chainId = session.chainId();
        String contract = listed.nft().contract();
        UiThread.background(() -> {
            if (hide) {
                service.hidden().hide(chainId, contract, tokenId);
            } else {
                service.hidden().unhide(chainId, contract, tokenId);
            }
            return Boolean.TRUE;
        }, done -> {
            onChanged.run();
            back.run();
        }, e -> status.setText(Messages.describe(text, e)));
    }

    private void load(boolean refresh) {
        status.setText(text.getString(refresh ? "nfts.refreshing" : "nfts.detailLoading"));
        UiThread.background(() -> {
            NftService.Detail d = service.show(listed.nft().contract(), listed.nft().tokenId(), refresh);
            if (d.imageBytes() == null) {
                return new Loaded(d, null, d.imageError() != null ? d.imageError() : d.metadata().error());
            }
            try {
                return new Loaded(d, SwingFXUtils.toFXImage(Thumbnails.render(d.imageBytes(), IMAGE_SIDE * 2), null), null);
            } catch (RuntimeException e) {
                return new Loaded(d, null, Messages.describe(text, e));
            }
        }, this::show, e -> status.setText(Messages.describe(text, e)));
    }

    private void show(Loaded loaded) {
        status.setText(listed.spamReason() != null ? text.getString(listed.spamReason()) : "");
        NftMetadata m = loaded.detail().metadata().ok() ? loaded.detail().metadata().metadata() : null;
        if (m != null && m.backgroundColor() != null && m.backgroundColor().matches("[0-9a-fA-F]{6}")) {
            art.setStyle("-fx-background-color: #" + m.backgroundColor() + ";"); // six hex digits checked: nothing else reaches the style
        }
        if (loaded.image() != null) {
            ImageView view = new ImageView(loaded.image());
            view.setId("nft-detail-image");
            view.setFitWidth(IMAGE_SIDE);
            view.setFitHeight(IMAGE_SIDE);
            view.setPreserveRatio(true);
            art.getChildren().setAll(view);
        } else {
            placeholder("fth-alert-triangle", loaded.imageError() == null ? text.getString("nfts.noImage") : loaded.imageError());
        }
        facts.getChildren().setAll(new NftFacts(text, loaded.detail(), listed, account).nodes());
    }

    private void placeholder(String icon, String reason) {
        Label l = new Label(reason, new FontIcon(icon));
        l.setId("nft-detail-placeholder");
        l.getStyleClass().add("text-muted");
        l.setWrapText(true);
        l.setMaxWidth(IMAGE_SIDE - 32);
        art.getChildren().setAll(l);
    }
}
