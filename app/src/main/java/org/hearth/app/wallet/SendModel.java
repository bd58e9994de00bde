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
import org.hearth.app.desktop.UiThread;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.Fees;
import org.hearth.chain.tx.PreparedTx;
import org.hearth.chain.tx.TxPipeline;
import org.hearth.chain.tx.TxRecord;
import org.hearth.chain.tx.TxSigner;
import org.hearth.money.Amounts;
import org.hearth.store.AddressBookRepository;

/**
 * The send form's state: recipient (address or address-book label), amount in ETH, fee preset or
 * custom fees in gwei. {@link #review()} prepares the exact transaction for the review screen;
 * {@link #confirm()} signs and sends it. Nothing is signed before the review is confirmed.
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
    public final ObjectProperty<PreparedTx> prepared = new SimpleObjectProperty<>();
    public final ObjectProperty<TxRecord> sent = new SimpleObjectProperty<>();

    private final TxPipeline pipeline;
    private final String from;
    private final AddressBookRepository addressBook;
    private final Supplier<TxSigner> signer;

    public SendModel(TxPipeline pipeline, String from, AddressBookRepository addressBook, Supplier<TxSigner> signer) {
        this.pipeline = pipeline;
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

    /** The label saved for an address, if any (shown on the review screen). */
    public String labelOf(String address) {
        return address == null ? "" : addressBook.find(address).map(AddressBookRepository.Entry::label).orElse("");
    }

    public void review() {
        error.set("");
        prepared.set(null);
        busy.set(true);
        UiThread.background(() -> {
            String recipient = resolvedRecipient();
            BigInteger wei = Amounts.parse(amount.get(), ETH_DECIMALS);
            return custom.get()
                    ? pipeline.prepare(from, recipient, wei, null, customFees())
                    : pipeline.prepare(from, recipient, wei, null, level.get());
        }, tx -> {
            busy.set(false);
            prepared.set(tx);
        }, this::fail);
    }

    public void confirm() {
        PreparedTx tx = prepared.get();
        if (tx == null) {
            return;
        }
        busy.set(true);
        UiThread.background(() -> pipeline.send(tx, signer.get()), record -> {
            busy.set(false);
            prepared.set(null);
            sent.set(record);
        }, this::fail);
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

    /** Every digit, for the review screen: a maximum must never be shown rounded down. */
    public static String ethExact(BigInteger wei) {
        return String.format(org.hearth.app.desktop.Messages.text().getString("amount.eth"), Amounts.format(wei, ETH_DECIMALS));
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
