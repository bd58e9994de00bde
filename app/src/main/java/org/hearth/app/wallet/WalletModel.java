package org.hearth.app.wallet;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hearth.app.desktop.AppServices;
import org.hearth.app.desktop.ChainModel;
import org.hearth.app.desktop.Timers;
import org.hearth.app.desktop.UiThread;
import org.hearth.chain.tx.TxSigner;
import org.hearth.node.DemoWorld;
import org.hearth.wallet.AccountPaths;
import org.hearth.wallet.KeyExport;
import org.hearth.wallet.WalletService;
import org.hearth.wallet.sign.Signature;
import org.hearth.wallet.sign.TypedData;
import org.hearth.wallet.discovery.AccountDiscovery;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.hd.DerivationPath;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.hearth.wallet.vault.AutoLock;
import org.hearth.wallet.vault.UnlockedVault;
import org.hearth.wallet.vault.VaultAccount;
import org.hearth.wallet.vault.WatchOnlyAddress;
import org.hearth.wallet.vault.WrongPasswordException;

/**
 * The Wallet screen's state: no wallet yet, locked, or unlocked with its accounts. Creating,
 * restoring and unlocking run in the background (Argon2id takes a noticeable moment); the vault
 * locks itself after the idle time set in the settings.
 */
public final class WalletModel implements AutoCloseable {

    public enum State { NONE, LOCKED, UNLOCKED }

    static final Duration DEFAULT_AUTO_LOCK = Duration.ofMinutes(15);
    /** Settings key: minutes of inactivity before the wallet locks itself. */
    public static final String AUTO_LOCK_KEY = "wallet.autoLockMinutes";

    public static long autoLockMinutes(AppServices services) {
        return autoLockAfter(services).toMinutes();
    }

    static Duration autoLockAfter(AppServices services) {
        double minutes = services.settings().getDouble(AUTO_LOCK_KEY, DEFAULT_AUTO_LOCK.toMinutes());
        return Duration.ofMinutes(Math.max(1, Math.min(24 * 60, (long) minutes)));
    }

    public final ObjectProperty<State> state = new SimpleObjectProperty<>(State.NONE);
    public final ObservableList<VaultAccount> accounts = FXCollections.observableArrayList();
    /** Addresses followed without a key: balance and receive only. */
    public final ObservableList<WatchOnlyAddress> watched = FXCollections.observableArrayList();
    public final ObjectProperty<VaultAccount> selected = new SimpleObjectProperty<>();
    public final StringProperty error = new SimpleStringProperty("");
    public final BooleanProperty busy = new SimpleBooleanProperty(false);
    public final StringProperty busyText = new SimpleStringProperty("");
    /** When an unlock may start without waiting: later after wrong passwords, also those from before a restart. */
    public final ObjectProperty<Instant> nextAttemptAt = new SimpleObjectProperty<>(Instant.EPOCH);
    /** The chain services of the current session (null while there is none); replaced with the session, and the accounts pane re-opens its account models on them. */
    final ObjectProperty<ChainServices> chainServices = new SimpleObjectProperty<>();

    private final AppServices services;
    private final ChainModel chain;
    private final WalletService wallet;
    private final ScheduledExecutorService lockTimer = Timers.daemon("wallet-auto-lock");
    private volatile UnlockedVault open;
    private AutoLock autoLock;

    public WalletModel(AppServices services, ChainModel chain) {
        this.services = services;
        this.chain = chain;
        this.wallet = new WalletService(services.vault());
        chainServices.bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> chain.session().get() == null ? null : ChainServices.of(chain.session().get()), chain.session()));
        reload();
    }

    public ChainModel chain() {
        return chain;
    }

    public AppServices services() {
        return services;
    }

    /** Re-reads the public listing (no password needed) and the state. */
    public void reload() {
        services.accountIndexing().accountsChanged(); // a new account or address is indexed in the background
        State next;
        if (open != null && !open.isLocked()) {
            accounts.setAll(open.publicData().accounts().stream().filter(a -> !a.hidden()).toList());
            watched.setAll(open.publicData().watchOnly().stream().filter(w -> !w.hidden()).toList());
            next = State.UNLOCKED;
        } else if (wallet.exists()) {
            accounts.setAll(wallet.listing().accounts().stream().filter(a -> !a.hidden()).toList());
            watched.setAll(wallet.listing().watchOnly().stream().filter(w -> !w.hidden()).toList());
            next = State.LOCKED;
            nextAttemptAt.set(Instant.now().plus(wallet.vault().delayBeforeNextAttempt()));
        } else {
            accounts.clear();
            watched.clear();
            next = State.NONE;
        }
        // select before switching state, so the accounts view is built once, for the right account
        if (selected.get() == null || !accounts.contains(selected.get())) {
            selected.set(accounts.isEmpty() ? null : accounts.getFirst());
        }
        state.set(next);
    }

    public void create(Mnemonic mnemonic, char[] password, String busyMessage) {
        run(busyMessage, () -> wallet.create(password, mnemonic, "", AddressScheme.BIP44, List.of(0)), this::opened);
    }

    public void restore(Mnemonic mnemonic, String passphrase, AddressScheme scheme, char[] password, String busyMessage) {
        run(busyMessage, () -> {
            List<Integer> used = chain.rpc()
                    .map(rpc -> WalletService.discover(mnemonic, passphrase, scheme, new AccountDiscovery(rpc, AccountDiscovery.DEFAULT_GAP_LIMIT)))
                    .orElse(List.of(0));
            return wallet.create(password, mnemonic, passphrase, scheme, used);
        }, this::opened);
    }

    public void unlock(char[] password, String busyMessage) {
        run(busyMessage, () -> wallet.unlock(password), this::opened);
    }

    public void lock() {
        UnlockedVault current = open;
        open = null;
        if (autoLock != null) {
            autoLock.close();
        }
        if (current != null) {
            current.lock();
        }
        reload();
    }

    /** The scheme of the wallet's phrase (what it was created or restored with), offered first for a new account. */
    public AddressScheme walletScheme() {
        return AccountPaths.schemeOf(requireOpen().publicData(), WalletService.SEED_SOURCE);
    }

    /** The scheme's lowest path that is not yet an account. */
    public DerivationPath nextPath(AddressScheme scheme) {
        return AccountPaths.nextFree(requireOpen().publicData(), WalletService.SEED_SOURCE, scheme);
    }

    /** A typed path for a new account; throws with a message for the user when it cannot be one. */
    public DerivationPath checkPath(String typed) {
        return AccountPaths.checkNew(requireOpen().publicData(), WalletService.SEED_SOURCE, typed);
    }

    /** The address the phrase gives at {@code path}, refused when the wallet already lists it. Blocking (seed derivation). */
    public String addressAt(DerivationPath path) {
        touch();
        UnlockedVault vault = requireOpen();
        String address = wallet.addressAt(vault, WalletService.SEED_SOURCE, path);
        AccountPaths.checkNewAddress(vault.publicData(), address);
        return address;
    }

    public void addAccount(DerivationPath path, String label) {
        run("", () -> wallet.addAccount(requireOpen(), WalletService.SEED_SOURCE, path, label), this::reloadAndSelect);
    }

    /** personal_sign of a message with an account's key (the caller showed the message first). */
    public Signature signMessage(String address, byte[] message) {
        touch();
        return wallet.signMessage(requireOpen(), address, message);
    }

    /** EIP-712 signature (the caller showed the typed data as a tree first). */
    public Signature signTypedData(String address, TypedData data) {
        touch();
        return wallet.signTypedData(requireOpen(), address, data);
    }

    public void rename(VaultAccount account, String label) {
        run("", () -> requireOpen().updatePublic(p -> p.withLabel(account.address(), label)), p -> reload());
    }

    public void hide(VaultAccount account) {
        run("", () -> requireOpen().updatePublic(p -> p.withHidden(account.address(), true)), p -> {
            selected.set(null);
            reload();
        });
    }

    /** Brings every hidden account back into the list. */
    public void unhideAll() {
        run("", () -> requireOpen().updatePublic(p -> {
            var shown = p;
            for (VaultAccount a : p.accounts()) {
                if (a.hidden()) {
                    shown = shown.withHidden(a.address(), false);
                }
            }
            return shown;
        }), p -> reload());
    }

    public void addWatchOnly(String address, String label) {
        run("", () -> wallet.addWatchOnly(requireOpen(), address, label), w -> reload());
    }

    public void importPrivateKey(String hexKey, String label) {
        run("", () -> wallet.importPrivateKey(requireOpen(), hexKey, label), this::reloadAndSelect);
    }

    public void importKeystore(String json, String keystorePassword, String label, String busyMessage) {
        run(busyMessage, () -> wallet.importKeystore(requireOpen(), json, keystorePassword, label), this::reloadAndSelect);
    }

    /** The private key as hex after the password is entered again; runs in the background. */
    public void exportPrivateKey(String address, char[] password, Consumer<String> onKey) {
        run("", () -> new KeyExport(wallet).privateKeyHex(requireOpen(), address, password), onKey);
    }

    public void exportKeystore(String address, char[] password, String keystorePassword, Consumer<String> onJson, String busyMessage) {
        run(busyMessage, () -> new KeyExport(wallet).keystore(requireOpen(), address, password, keystorePassword), onJson);
    }

    public void changePassword(char[] current, char[] next, Runnable done, String busyMessage) {
        run(busyMessage, () -> {
            requireOpen().changePassword(current, next);
            return Boolean.TRUE;
        }, ok -> done.run());
    }

    private void reloadAndSelect(VaultAccount account) {
        reload();
        selected.set(account);
    }

    private void touch() {
        if (autoLock != null) {
            autoLock.touch();
        }
    }

    /** The signer for an account; counts as activity for the auto-lock. */
    public TxSigner signer(String address) {
        touch();
        return wallet.signer(requireOpen(), address);
    }

    private UnlockedVault requireOpen() {
        UnlockedVault current = open;
        if (current == null || current.isLocked()) {
            throw new org.hearth.wallet.vault.VaultLockedException();
        }
        return current;
    }

    private void opened(UnlockedVault vault) {
        open = vault;
        autoLock = new AutoLock(vault, autoLockAfter(services), InstantSource.system());
        autoLock.start(lockTimer, Duration.ofSeconds(5));
        vault.addLockListener(() -> UiThread.run(this::reload));
        reload();
        fundOnLocalChain();
    }

    /** On the embedded chain the first account gets demo ETH, tokens, collectibles and votes (once). */
    private void fundOnLocalChain() {
        if (!chain.isLocalChain() || accounts.isEmpty()) {
            return;
        }
        String first = accounts.getFirst().address();
        chain.rpc().ifPresent(rpc -> UiThread.background(
                () -> new DemoWorld(rpc, services.demoWorld(), services.dataDir().chainDir().resolve("demo.lock"))
                        .withBlobs(org.hearth.compute.blob.BlobStore.inDataDir(services.dataDir().root())).ensure(first),
                result -> { }, failure -> error.set(org.hearth.app.desktop.Messages.describe(failure))));
    }

    private <T> void run(String message, Callable<T> work, Consumer<T> then) {
        error.set("");
        busy.set(true);
        busyText.set(message);
        UiThread.background(work, result -> {
            busy.set(false);
            then.accept(result);
        }, failure -> {
            busy.set(false);
            if (failure instanceof WrongPasswordException wrong) {
                nextAttemptAt.set(Instant.now().plus(wrong.nextDelay()));
            }
            error.set(org.hearth.app.desktop.Messages.describe(failure));
        });
    }

    @Override
    public void close() {
        lockTimer.shutdownNow();
        UnlockedVault current = open;
        if (current != null) {
            current.lock();
        }
    }
}
