package org.hearth.app.control;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import org.hearth.chain.Addresses;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * An address as people should read it: the address-book name when there is one, the EIP-55
 * checksummed address (short, {@code 0x1234…abcd}, in lists; in full where a user decides, such as the
 * review), the full address in a tooltip, and a copy button that copies the full checksummed address.
 */
public final class AddressLabel extends HBox {

    private final Label name = new Label();
    private final Label address = new Label();
    private final String checksummed;

    /**
     * {@code full}: show every character (the review screen) rather than the short form (lists);
     * {@code copyTooltip}: the copy button's tooltip, from the bundle.
     */
    public AddressLabel(String rawAddress, AddressNames names, boolean full, String copyTooltip) {
        super(6);
        this.checksummed = Addresses.checksummed(rawAddress);
        String known = names.nameOf(checksummed).orElse("");
        name.setText(known);
        name.getStyleClass().add("text-bold");
        name.setVisible(!known.isEmpty());
        name.setManaged(!known.isEmpty());
        address.setText(full ? checksummed : shortForm(checksummed));
        address.getStyleClass().add("hearth-mono");
        address.setTooltip(new Tooltip(checksummed));
        Button copy = new Button(null, new FontIcon("fth-copy"));
        copy.getStyleClass().addAll("flat", "button-icon");
        copy.setTooltip(new Tooltip(copyTooltip));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(checksummed);
            Clipboard.getSystemClipboard().setContent(content);
        });
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(name, address, copy);
    }

    /** Gives the address text the id {@code id}, and the name {@code id-name}, for tests and styling. */
    public AddressLabel withIds(String id) {
        address.setId(id);
        name.setId(id + "-name");
        return this;
    }

    public String address() {
        return checksummed;
    }

    public Label addressText() {
        return address;
    }

    public Label nameText() {
        return name;
    }

    /** {@code 0x1234…abcd}: the first four and last four hex digits, checksummed. */
    public static String shortForm(String checksummed) {
        return checksummed.length() == 42 ? checksummed.substring(0, 6) + "…" + checksummed.substring(38) : checksummed;
    }
}
