package org.hearth.app.nft;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.hearth.app.control.AddressLabel;
import org.hearth.app.control.AddressNames;
import org.hearth.app.control.CopyableText;
import org.hearth.app.control.Labels;
import org.hearth.money.Amounts;
import org.hearth.nft.NftMetadata;
import org.hearth.nft.NftService;
import org.hearth.nft.NftStandard;
import org.hearth.nft.ResolvedMetadata;
import org.hearth.tokens.TokenText;

/**
 * The facts of a token's detail page, every value from outside shown as plain text: capped, control
 * and bidi characters removed, links never opened (copy only), {@code animation_url} never run.
 */
final class NftFacts {

    static final int MAX_TEXT = 2_000;
    static final int MAX_LINK = 200;
    static final int MAX_ATTRIBUTES = 50;

    private final ResourceBundle text;
    private final NftService.Detail d;
    private final NftService.Listed listed;
    private final String account;

    NftFacts(ResourceBundle text, NftService.Detail d, NftService.Listed listed, String account) {
        this.text = text;
        this.d = d;
        this.listed = listed;
        this.account = account;
    }

    List<Node> nodes() {
        List<Node> out = new ArrayList<>();
        ResolvedMetadata r = d.metadata();
        NftMetadata m = r.ok() ? r.metadata() : null;
        if (m != null && m.description() != null) {
            Label description = new Label(plain(m.description(), MAX_TEXT));
            description.setId("nft-detail-description");
            description.setWrapText(true);
            out.add(description);
        }
        out.add(grid(m));
        if (m != null && !m.attributes().isEmpty()) {
            out.add(Labels.section(text.getString("nfts.attributes")));
            FlowPane traits = new FlowPane(8, 8);
            traits.setId("nft-detail-attributes");
            m.attributes().stream().limit(MAX_ATTRIBUTES).forEach(a -> {
                Label type = Labels.muted(a.traitType() == null ? text.getString("nfts.trait") : TokenText.name(a.traitType()));
                Label value = new Label(TokenText.name(a.value()));
                value.getStyleClass().add("nft-trait-value");
                VBox trait = new VBox(2, type, value);
                trait.getStyleClass().add("nft-trait");
                traits.getChildren().add(trait);
            });
            out.add(traits);
        }
        if (!r.ok()) {
            Label error = new Label(String.format(text.getString("nfts.metadataError"), plain(r.error(), MAX_LINK)));
            error.setId("nft-detail-metadata-error");
            error.getStyleClass().add("danger");
            error.setWrapText(true);
            out.add(error);
        }
        if (m != null) {
            m.warnings().stream().limit(10).forEach(w -> out.add(muted(String.format(text.getString("nfts.warning"), plain(w, MAX_LINK)))));
        }
        return out;
    }

    private GridPane grid(NftMetadata m) {
        GridPane grid = new GridPane(16, 8);
        grid.setId("nft-detail-facts");
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the value column gives way, never the labels
        grid.getColumnConstraints().add(labels);
        String copy = text.getString("action.copy");
        int row = 0;
        grid.addRow(row++, Labels.muted(text.getString("nfts.collection")),
                new Label(d.collection() == null ? text.getString("nfts.unnamed") : TokenText.name(d.collection())));
        grid.addRow(row++, Labels.muted(text.getString("nfts.contract")),
                new AddressLabel(d.contract(), AddressNames.NONE, true, copy).withIds("nft-detail-contract"));
        grid.addRow(row++, Labels.muted(text.getString("nfts.tokenId")), copyable("nft-detail-id", d.tokenId().toString(), copy));
        grid.addRow(row++, Labels.muted(text.getString("nfts.standard")),
                new Label(text.getString(d.standard() == NftStandard.ERC721 ? "nfts.erc721" : "nfts.erc1155")));
        if (d.standard() == NftStandard.ERC1155 && account != null) {
            grid.addRow(row++, Labels.muted(text.getString("nfts.held")), id(new Label(listed.nft().amount().toString()), "nft-detail-amount"));
        }
        if (d.royalty() != null) {
            Label royalty = new Label(String.format(text.getString("nfts.royaltyValue"), Amounts.format(d.royalty().basisPoints(), 2)));
            royalty.setId("nft-detail-royalty");
            grid.addRow(row++, Labels.muted(text.getString("nfts.royalty")), new VBox(2, royalty,
                    new AddressLabel(d.royalty().receiver(), AddressNames.NONE, false, copy)));
        }
        grid.addRow(row++, Labels.muted(text.getString("nfts.source")), copyable("nft-detail-uri", plain(d.metadata().tokenUri(), MAX_LINK), copy));
        if (!d.metadata().tried().isEmpty()) {
            grid.addRow(row++, Labels.muted(text.getString("nfts.fetched")), muted(plain(String.join("\n", d.metadata().tried()), MAX_TEXT)));
        }
        if (d.imageType() != null) {
            grid.addRow(row++, Labels.muted(text.getString("nfts.mediaType")), new Label(d.imageType()));
        }
        if (m != null && m.externalUrl() != null) {
            grid.addRow(row++, Labels.muted(text.getString("nfts.externalLink")), copyable("nft-detail-external", plain(m.externalUrl(), MAX_LINK), copy));
        }
        if (m != null && m.animationUrl() != null) {
            grid.addRow(row++, Labels.muted(text.getString("nfts.animation")), new VBox(2,
                    copyable("nft-detail-animation", plain(m.animationUrl(), MAX_LINK), copy), muted(text.getString("nfts.animationNote"))));
        }
        return grid;
    }

    private static CopyableText copyable(String id, String value, String copy) {
        CopyableText c = new CopyableText(new SimpleStringProperty(value), copy);
        c.setId(id);
        c.valueLabel().setMaxWidth(420);
        return c;
    }

    private static Label muted(String s) {
        Label l = Labels.muted(s);
        l.setWrapText(true);
        return l;
    }

    private static Label id(Label l, String id) {
        l.setId(id);
        return l;
    }

    /** Untrusted text as one plain, bounded string: control and format characters (bidi overrides) removed, lines kept. */
    static String plain(String raw, int max) {
        if (raw == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        String head = raw.length() > max * 2 ? raw.substring(0, max * 2) : raw;
        head.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (c == '\n' || !(Character.isISOControl(c) || type == Character.FORMAT || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE || type == Character.UNASSIGNED)) {
                b.appendCodePoint(c);
            }
        });
        String s = b.toString().strip();
        int count = s.codePointCount(0, s.length());
        return count <= max && head.length() == raw.length() ? s : s.substring(0, s.offsetByCodePoints(0, Math.min(count, max - 1))) + "…";
    }
}
