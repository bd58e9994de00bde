package org.hearth.app.tokens;

import java.math.BigInteger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hearth.app.desktop.Messages;
import org.hearth.app.desktop.UiThread;
import org.hearth.chain.review.TxReview;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.TxRecord;
import org.hearth.history.AccountCounterparties;
import org.hearth.money.Amounts;
import org.hearth.tokens.Token;
import org.hearth.tokens.TokenSend;

/**
 * Sending one token: recipient and amount (in token units with its decimals, exact), prepared through
 * the one pipeline (a token that answers {@code false} is refused there), reviewed with the account's
 * history (first send, look-alike...), signed only after the review is confirmed.
 */
final class TokenSendModel {

    final StringProperty to = new SimpleStringProperty("");
    final StringProperty amount = new SimpleStringProperty("");
    final StringProperty error = new SimpleStringProperty("");
    final BooleanProperty busy = new SimpleBooleanProperty(false);
    final ObjectProperty<TxReview> prepared = new SimpleObjectProperty<>();
    final ObjectProperty<TxRecord> sent = new SimpleObjectProperty<>();

    private final TokenContext context;
    private final Token token;

    TokenSendModel(TokenContext context, Token token) {
        this.context = context;
        this.token = token;
    }

    Token token() {
        return token;
    }

    void review() {
        error.set("");
        busy.set(true);
        String recipient = to.get().strip();
        String typed = amount.get().strip();
        UiThread.background(() -> {
            BigInteger units = Amounts.parse(typed, token.decimals());
            return AccountCounterparties.reviewer(context.session())
                    .review(TokenSend.prepare(context.session(), context.account(), token, recipient, units, FeeLevel.NORMAL));
        }, review -> {
            busy.set(false);
            prepared.set(review);
        }, this::fail);
    }

    void confirm() {
        TxReview review = prepared.get();
        if (review == null) {
            return;
        }
        busy.set(true);
        UiThread.background(() -> context.session().pipeline().send(review.tx(), context.signer().apply(context.account())), record -> {
            busy.set(false);
            prepared.set(null);
            sent.set(record);
        }, this::fail);
    }

    private void fail(Throwable t) {
        busy.set(false);
        error.set(Messages.describe(context.text(), t));
    }
}
