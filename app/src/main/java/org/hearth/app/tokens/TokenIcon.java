package org.hearth.app.tokens;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.hearth.tokens.Token;

/**
 * A generated token icon: a disc in a colour taken from the contract address (the same token always
 * looks the same; two tokens with one symbol usually do not) with the symbol's first character. No
 * image is fetched, so a token list's logo can never make Hearth call out.
 */
final class TokenIcon {

    private static final double SIZE = 22;

    private TokenIcon() {
    }

    static Node of(Token token) {
        int hash = token.address().toLowerCase(java.util.Locale.ROOT).hashCode();
        Circle disc = new Circle(SIZE / 2, Color.hsb(Math.floorMod(hash, 360), 0.55, 0.75));
        String symbol = token.symbol().isEmpty() ? "?" : token.symbol().substring(0, token.symbol().offsetByCodePoints(0, 1));
        Label letter = new Label(symbol.toUpperCase(java.util.Locale.ROOT));
        letter.setTextFill(Color.WHITE);
        letter.setStyle("-fx-font-weight: bold; -fx-font-size: 11px;");
        StackPane icon = new StackPane(disc, letter);
        icon.getStyleClass().add("token-icon");
        icon.setMinSize(SIZE, SIZE);
        icon.setMaxSize(SIZE, SIZE);
        return icon;
    }
}
