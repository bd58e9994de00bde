package org.hearth.app.wallet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hearth.app.control.AddressNames;
import org.hearth.app.desktop.UiThread;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.Fees;
import org.hearth.chain.review.TxReview;
import org.hearth.chain.review.TxReviewer;
import org.hearth.chain.tx.PreparedTx;
import org.hearth.chain.tx.TxPipeline;
import org.hearth.chain.tx.TxRecord;
import org.hearth.chain.tx.TxSigner;
import org.hearth.chain.tx.TxStatus;
import org.hearth.history.HistoryItem;
import org.hearth.money.Amounts;
import org.hearth.store.AddressBookRepository;

/**
 * The send form's state: recipient (address or address-book label), amount in ETH, fee preset or
 * custom fees in gwei. {@link #review()} prepares the exact transaction and its review (decoded
 * call, warnings) for the review screen; {@link #confirm()} signs and sends it. Nothing is signed
 * before the review is confirmed. After sending, {@link #follow} keeps the sent transaction's status
 * in step with the account's history, so the heading says what the history row says.
 */
public final class SendModel {

    public static final int ETH_DECIMALS = 18;
    private static final int GWEI_DECIMALS = 9;

    public final StringProperty to = new SimpleStringProperty("");
    public final StringProperty amount = new SimpleStringProperty("");
    public final ObjectProperty<FeeLevel> level = new SimpleObjectProperty<>(FeeLevel.NORMAL);
    public final BooleanProperty custom = new SimpleBooleanProperty(false);
    public final StringProperty customMaxFeeGwei = new SimpleStringProperty("");
    public final StringProperty customTipGwei = new SimpleStringProperty("");
    public final StringProperty error = new SimpleStringProperty("");
    public final BooleanProperty busy = new SimpleBooleanProperty(false);
    /** The transaction under review with what the review shows; null while the form is shown. */
    public final ObjectProperty<TxReview> prepared = new SimpleObjectProperty<>();
    public final ObjectProperty<TxRecord> sent = new SimpleObjectProperty<>();
    /** The sent transaction's history line (status, block), once the history has it. */
    public final ObjectProperty<HistoryItem> sentItem = new SimpleObjectProperty<>();

    private final TxPipeline pipeline;
    private final String from;
    private final AddressBookRepository addressBook;
    private final Supplier<TxSigner> signer;
    private final TxReviewer reviewer;

    public SendModel(TxPipeline pipeline, TxReviewer reviewer, String from, AddressBookRepository addressBook, Supplier<TxSigner> signer) {
        this.pipeline = pipeline;
        this.reviewer = reviewer;
        this.from = from;
        this.addressBook = addressBook;
        this.signer = signer;
    }

    public String from() {
        return from;
    }

    /** The address typed, or the address of an address-book entry whose label was typed. */
    String resolvedRecipient() {
        String typed = to.get().strip();
        if (typed.startsWith("0x")) {
            return typed;
        }
        return addressBook.all().stream().filter(e -> e.label().equalsIgnoreCase(typed)).map(AddressBookRepository.Entry::address)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No address or saved contact named \"" + typed + "\""));
    }

    /** Names from the address book, for the address labels of the review and the sent notice. */
    public AddressNames names() {
        return AddressNames.of(addressBook);
    }

    public void review() {
        error.set("");
        prepared.set(null);
        busy.set(true);
        UiThread.background(() -> {
            String recipient = resolvedRecipient();
            BigInteger wei = Amounts.parse(amount.get(), ETH_DECIMALS);
            PreparedTx tx = custom.get()
                    ? pipeline.prepare(from, recipient, wei, null, customFees())
                    : pipeline.prepare(from, recipient, wei, null, level.get());
            return reviewer.review(tx);
        }, tx -> {
            busy.set(false);
            prepared.set(tx);
        }, this::fail);
    }

    public void confirm() {
        TxReview review = prepared.get();
        if (review == null) {
            return;
        }
        busy.set(true);
        UiThread.background(() -> pipeline.send(review.tx(), signer.get()), record -> {
            busy.set(false);
            prepared.set(null);
            sentItem.set(null);
            sent.set(record);
        }, this::fail);
    }

    /** Finds the sent transaction in the account's history (call on each history change, on the FX thread). */
    public void follow(java.util.List<HistoryItem> history) {
        TxRecord record = sent.get();
        if (record == null) {
            return;
        }
        history.stream().filter(i -> i.hash().equalsIgnoreCase(record.hash())).findFirst()
                .filter(i -> !i.equals(sentItem.get())).ifPresent(sentItem::set);
    }

    /** Where the sent transaction stands: pending until the history says otherwise. */
    public TxStatus sentStatus() {
        HistoryItem item = sentItem.get();
        return item == null ? TxStatus.PENDING : item.status();
    }

    private Fees customFees() {
        BigInteger maxFee = Amounts.parse(customMaxFeeGwei.get(), GWEI_DECIMALS);
        BigInteger tip = Amounts.parse(customTipGwei.get(), GWEI_DECIMALS);
        return new Fees(maxFee, tip);
    }

    private void fail(Throwable t) {
        busy.set(false);
        error.set(org.hearth.app.desktop.Messages.describe(t));
    }

    /** Every digit, grouped by thousands: a maximum or a balance must never be shown rounded down. */
    public static String ethExact(BigInteger wei) {
        return String.format(org.hearth.app.desktop.Messages.text().getString("amount.eth"), Amounts.formatGrouped(wei, ETH_DECIMALS));
    }

    /** Up to 6 decimals, rounded down, for lists. */
    public static String eth(BigInteger wei) {
        return String.format(org.hearth.app.desktop.Messages.text().getString("amount.eth"), Amounts.formatShort(wei, ETH_DECIMALS, 6));
    }

    /** Gwei with up to 3 decimals, for fee labels. */
    public static String gwei(BigInteger wei) {
        return String.format(org.hearth.app.desktop.Messages.text().getString("amount.gwei"),
                new BigDecimal(wei, GWEI_DECIMALS).setScale(3, java.math.RoundingMode.DOWN).stripTrailingZeros().toPlainString());
    }
}
