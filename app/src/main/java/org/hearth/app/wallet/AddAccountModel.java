package org.hearth.app.wallet;

import java.util.ResourceBundle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hearth.app.desktop.UiThread;
import org.hearth.wallet.AccountPaths;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.hd.DerivationPath;

/**
 * The add-account form's state: a scheme (its next free path) or a typed path, checked on every
 * keystroke, and the address it gives, derived in the background. Only a path whose address is
 * shown can be added, so nothing is added that the user did not see.
 */
final class AddAccountModel {

    /** Ethereum's BIP-44 coin type; other paths work but other wallets will not look there. */
    private static final DerivationPath ETHEREUM = DerivationPath.parse("m/44'/60'");

    /** The chosen scheme; null while the path is typed by hand. */
    final ObjectProperty<AddressScheme> scheme = new SimpleObjectProperty<>();
    final StringProperty path = new SimpleStringProperty("");
    /** Why the path cannot be added; empty when it can. */
    final StringProperty problem = new SimpleStringProperty("");
    /** A remark on a usable path (outside Ethereum's m/44'/60'). */
    final StringProperty note = new SimpleStringProperty("");
    final StringProperty address = new SimpleStringProperty("");
    final StringProperty defaultLabel = new SimpleStringProperty("");
    /** True once the address of a valid path is shown. */
    final BooleanProperty ready = new SimpleBooleanProperty(false);

    private final WalletModel wallet;
    private final ResourceBundle text;
    private DerivationPath checked;
    /** Bumped on every change, so a slow derivation for an older path is dropped. */
    private long generation;

    AddAccountModel(ResourceBundle text, WalletModel wallet) {
        this.text = text;
        this.wallet = wallet;
        scheme.addListener((o, was, is) -> {
            if (is != null) {
                path.set(schemePath(is));
            }
        });
        path.addListener((o, was, is) -> {
            if (scheme.get() != null && !is.equals(schemePath(scheme.get()))) {
                scheme.set(null); // edited by hand: a custom path now
            }
            check();
        });
        scheme.set(wallet.walletScheme());
    }

    /** The path to add; only while {@link #ready}. */
    DerivationPath chosen() {
        if (!ready.get()) {
            throw new IllegalStateException("No checked path yet");
        }
        return checked;
    }

    /** The scheme's next free path; empty if the wallet locked meanwhile (the check then says so). */
    private String schemePath(AddressScheme chosen) {
        try {
            return wallet.nextPath(chosen).toString();
        } catch (IllegalStateException e) {
            return "";
        }
    }

    private void check() {
        long current = ++generation;
        ready.set(false);
        address.set("");
        note.set("");
        try {
            DerivationPath candidate = wallet.checkPath(path.get());
            problem.set("");
            defaultLabel.set(String.format(text.getString("add.defaultLabel"), AccountPaths.indexOf(candidate) + 1));
            if (!candidate.startsWith(ETHEREUM)) {
                note.set(String.format(text.getString("add.otherCoin"), ETHEREUM));
            }
            UiThread.background(() -> wallet.addressAt(candidate), derived -> {
                if (current == generation) {
                    checked = candidate;
                    address.set(derived);
                    ready.set(true);
                }
            }, failure -> {
                if (current == generation) {
                    problem.set(org.hearth.app.desktop.Messages.describe(failure));
                }
            });
        } catch (RuntimeException e) {
            defaultLabel.set("");
            problem.set(org.hearth.app.desktop.Messages.describe(e));
        }
    }
}
