package org.hearth.app.wallet;

import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.hearth.app.control.CopyableText;
import org.hearth.app.control.QrCodeView;
import org.hearth.chain.Addresses;

/** Receive: the EIP-55 checksummed address as text with a copy button, and as a QR code. */
public final class ReceivePane extends VBox {

    public ReceivePane(ResourceBundle text, String address) {
        super(12);
        String checksummed = Addresses.checksummed(address);
        QrCodeView qr = new QrCodeView(checksummed, 220);
        qr.setId("receive-qr");
        Label hint = new Label(text.getString("receive.hint"));
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        CopyableText value = new CopyableText(new ReadOnlyStringWrapper(checksummed), text.getString("action.copy"));
        value.valueLabel().setId("receive-address");
        setAlignment(Pos.TOP_CENTER);
        getChildren().addAll(qr, value, hint);
    }
}
