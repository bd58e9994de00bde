package org.hearth.app.nft;

import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.hearth.nft.NftService;
import org.hearth.nft.NftStandard;
import org.hearth.tokens.TokenText;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One token in the grid: its thumbnail (asked for only while the cell shows it), or a placeholder
 * with the reason there is none, its name (plain text, one line, capped) and, for ERC-1155, the amount.
 */
final class NftCell extends GridCell<NftService.Listed> {

    private final ResourceBundle text;
    private final NftThumbnails thumbnails;
    private final Supplier<NftService> service;
    private final ImageView image = new ImageView();
    private final Label placeholder = new Label();
    private final Label name = new Label();
    private final Label amount = new Label();
    private final Label reason = new Label();
    private final VBox box;
    /** The token this cell shows now; read by the thumbnail workers to drop requests for cells that moved on. */
    private volatile String wanted;

    NftCell(ResourceBundle text, NftThumbnails thumbnails, Supplier<NftService> service) {
        this.text = text;
        this.thumbnails = thumbnails;
        this.service = service;
        getStyleClass().add("nft-cell");
        image.setFitWidth(NftThumbnails.SIDE);
        image.setFitHeight(NftThumbnails.SIDE);
        image.setPreserveRatio(true);
        placeholder.getStyleClass().addAll("nft-placeholder", "text-muted");
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(NftThumbnails.SIDE - 16);
        placeholder.setAlignment(Pos.CENTER);
        amount.getStyleClass().add("nft-amount");
        StackPane.setAlignment(amount, Pos.TOP_RIGHT);
        StackPane art = new StackPane(placeholder, image, amount);
        art.getStyleClass().add("nft-art");
        art.setMinSize(NftThumbnails.SIDE, NftThumbnails.SIDE);
        art.setPrefSize(NftThumbnails.SIDE, NftThumbnails.SIDE);
        name.getStyleClass().add("nft-name");
        name.setMaxWidth(NftThumbnails.SIDE);
        reason.getStyleClass().addAll("nft-spam-reason", "text-muted");
        reason.setMaxWidth(NftThumbnails.SIDE);
        reason.setWrapText(true);
        reason.setMaxHeight(40);
        reason.managedProperty().bind(reason.visibleProperty());
        box = new VBox(4, art, name, reason);
        box.setAlignment(Pos.TOP_CENTER);
    }

    @Override
    protected void updateItem(NftService.Listed item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            wanted = null;
            setGraphic(null);
            return;
        }
        String key = NftThumbnails.key(item);
        wanted = key;
        name.setText(title(text, item));
        name.setTooltip(new Tooltip(name.getText()));
        amount.setText(item.nft().standard() == NftStandard.ERC1155 ? String.format(text.getString("nfts.amount"), item.nft().amount()) : "");
        amount.setVisible(item.nft().standard() == NftStandard.ERC1155);
        // in the Spam view, why: the rule's words, one line here and whole in the tooltip
        reason.setVisible(item.nft().spam() && item.spamReason() != null);
        reason.setText(reason.isVisible() ? text.getString(item.spamReason()) : "");
        reason.setTooltip(reason.isVisible() ? new Tooltip(reason.getText()) : null);
        image.setImage(null);
        placeholder.setGraphic(new FontIcon("fth-image"));
        placeholder.setText(text.getString("nfts.thumbLoading"));
        setGraphic(box);
        NftService s = service.get();
        if (s == null) {
            return;
        }
        thumbnails.request(s, item, () -> key.equals(wanted), thumb -> {
            if (!key.equals(wanted)) {
                return; // the cell shows another token by now
            }
            image.setImage(thumb.image());
            placeholder.setVisible(thumb.image() == null);
            if (thumb.image() == null) {
                placeholder.setGraphic(new FontIcon("fth-alert-triangle"));
                placeholder.setText(thumb.error());
                placeholder.setTooltip(new Tooltip(thumb.error()));
            }
        });
        placeholder.setVisible(image.getImage() == null);
    }

    /** The token's name, or the collection and id when its metadata has none; untrusted, so cleaned and capped. */
    static String title(ResourceBundle text, NftService.Listed l) {
        if (l.name() != null && !TokenText.name(l.name()).isEmpty()) {
            return TokenText.name(l.name());
        }
        String collection = l.nft().collection() == null ? text.getString("nfts.unnamed") : TokenText.name(l.nft().collection());
        return String.format(text.getString("nfts.nameFallback"), collection, l.nft().tokenId());
    }
}
