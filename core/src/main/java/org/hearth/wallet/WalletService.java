package org.hearth.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.chain.Addresses;
import org.hearth.chain.tx.PrivateKeySigner;
import org.hearth.chain.tx.TxSigner;
import org.hearth.wallet.discovery.AccountDiscovery;
import org.hearth.wallet.hd.AddressScheme;
import org.hearth.wallet.hd.DerivationPath;
import org.hearth.wallet.hd.HdKeyring;
import org.hearth.wallet.keystore.KeystoreV3;
import org.hearth.wallet.sign.MessageSigner;
import org.hearth.wallet.sign.Signature;
import org.hearth.wallet.sign.TypedData;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.hearth.wallet.vault.PublicData;
import org.hearth.wallet.vault.UnlockedVault;
import org.hearth.wallet.vault.Vault;
import org.hearth.wallet.vault.VaultAccount;
import org.hearth.wallet.vault.VaultSecret;
import org.hearth.wallet.vault.WatchOnlyAddress;
import org.web3j.crypto.ECKeyPair;

/**
 * The wallet as screens and the CLI use it: create or restore from a recovery phrase, list
 * accounts without the password, add accounts, import keys and watch-only addresses, and hand out
 * a transaction signer for an account while the vault is unlocked.
 */
public final class WalletService {

    /** The id of the recovery phrase a wallet is created or restored from. */
    public static final String SEED_SOURCE = "seed-1";

    private final Vault vault;

    public WalletService(Vault vault) {
        this.vault = vault;
    }

    public Vault vault() {
        return vault;
    }

    public boolean exists() {
        return vault.exists();
    }

    /** Accounts and watch-only addresses, read without the password (no key derivation). */
    public PublicData listing() {
        return vault.readPublic();
    }

    /** A new vault holding {@code mnemonic}, with accounts at {@code indexes} of {@code scheme}. */
    public UnlockedVault create(char[] password, Mnemonic mnemonic, String passphrase, AddressScheme scheme, List<Integer> indexes) {
        if (indexes.isEmpty()) {
            throw new IllegalArgumentException("A wallet needs at least one account");
        }
        HdKeyring keyring = HdKeyring.fromMnemonic(mnemonic, passphrase);
        List<VaultAccount> accounts = new ArrayList<>();
        for (int index : indexes) {
            accounts.add(new VaultAccount(keyring.address(scheme.path(index)), "Account " + (index + 1),
                    scheme.path(index).toString(), index, SEED_SOURCE, false));
        }
        VaultSecret secret = VaultSecret.mnemonic(SEED_SOURCE, mnemonic.phrase().toCharArray(),
                passphrase == null ? new char[0] : passphrase.toCharArray());
        try {
            return vault.create(password, List.of(secret), new PublicData(accounts, List.of()));
        } finally {
            secret.wipe();
        }
    }

    /** Which account indexes a restored phrase has used (at least index 0). */
    public static List<Integer> discover(Mnemonic mnemonic, String passphrase, AddressScheme scheme, AccountDiscovery discovery) {
        HdKeyring keyring = HdKeyring.fromMnemonic(mnemonic, passphrase);
        return discovery.discover(i -> keyring.address(scheme.path(i))).stream().map(AccountDiscovery.Found::index).toList();
    }

    public UnlockedVault unlock(char[] password) {
        return vault.unlock(password);
    }

    /** Derives the next account of the recovery phrase {@code sourceId}: the lowest free index of the scheme its accounts follow. */
    public VaultAccount addAccount(UnlockedVault open, String sourceId) {
        PublicData listing = open.publicData();
        if (listing.accounts().stream().noneMatch(a -> a.sourceId().equals(sourceId))) {
            throw new IllegalArgumentException("New accounts can only be derived from a recovery phrase");
        }
        return addAccount(open, sourceId, AccountPaths.nextFree(listing, sourceId, AccountPaths.schemeOf(listing, sourceId)), null);
    }

    /**
     * Adds the account at {@code path} of the recovery phrase {@code sourceId}. Refuses a path that is
     * already an account and an address the wallet already lists.
     */
    public VaultAccount addAccount(UnlockedVault open, String sourceId, DerivationPath path, String label) {
        AccountPaths.checkNew(open.publicData(), sourceId, path.toString());
        String address = addressAt(open, sourceId, path);
        AccountPaths.checkNewAddress(open.publicData(), address);
        int index = AccountPaths.indexOf(path);
        VaultAccount account = new VaultAccount(address, label == null || label.isBlank() ? "Account " + (index + 1) : label,
                path.toString(), index, sourceId, false);
        open.updatePublic(p -> p.withAccount(account));
        return account;
    }

    /** The address the recovery phrase {@code sourceId} gives at {@code path}, to show before it is added. */
    public String addressAt(UnlockedVault open, String sourceId, DerivationPath path) {
        VaultSecret secret = open.secret(sourceId).orElseThrow(() -> new IllegalArgumentException("No recovery phrase " + sourceId));
        try {
            if (secret.kind() != VaultSecret.Kind.MNEMONIC) {
                throw new IllegalArgumentException("New accounts can only be derived from a recovery phrase");
            }
            return keyring(secret).address(path);
        } finally {
            secret.wipe();
        }
    }

    /** Imports a raw private key (hex) as its own account. */
    public VaultAccount importPrivateKey(UnlockedVault open, String hexKey, String label) {
        return importKeyPair(open, PrivateKeys.parse(hexKey), label);
    }

    VaultAccount importKeyPair(UnlockedVault open, ECKeyPair keyPair, String label) {
        String address = HdKeyring.address(keyPair);
        if (find(open.publicData(), address).isPresent()) {
            throw new IllegalArgumentException("This wallet already has " + address);
        }
        String id = "key-" + address.substring(2).toLowerCase();
        VaultAccount account = new VaultAccount(address, label == null || label.isBlank() ? "Imported" : label, null, 0, id, false);
        VaultSecret secret = VaultSecret.privateKey(id, org.web3j.utils.Numeric.toBytesPadded(keyPair.getPrivateKey(), 32));
        try {
            open.addSecret(secret, List.of(account));
        } finally {
            secret.wipe();
        }
        return account;
    }

    public WatchOnlyAddress addWatchOnly(UnlockedVault open, String address, String label) {
        if (!Addresses.isValid(address)) {
            throw new IllegalArgumentException("Not a valid address (check the checksum): " + address);
        }
        WatchOnlyAddress watch = new WatchOnlyAddress(Addresses.checksummed(address), label == null || label.isBlank() ? "Watched" : label, false);
        open.updatePublic(p -> p.withWatchOnly(watch));
        return watch;
    }

    /** A signer for one of the wallet's own accounts; watch-only addresses have none. */
    public TxSigner signer(UnlockedVault open, String address) {
        return new PrivateKeySigner(keyPair(open, address));
    }

    /** personal_sign (EIP-191) of raw message bytes with an account's key. */
    public Signature signMessage(UnlockedVault open, String address, byte[] message) {
        return MessageSigner.sign(message, keyPair(open, address));
    }

    /** EIP-712 v4 signature of typed data with an account's key. */
    public Signature signTypedData(UnlockedVault open, String address, TypedData data) {
        return data.sign(keyPair(open, address));
    }

    /** Imports a Keystore V3 file's key as its own account. */
    public VaultAccount importKeystore(UnlockedVault open, String json, String keystorePassword, String label) {
        return importKeyPair(open, KeystoreV3.decrypt(json, keystorePassword), label);
    }

    /** The key of an account, for signing and for export behind a password check. */
    ECKeyPair keyPair(UnlockedVault open, String address) {
        VaultAccount account = find(open.publicData(), address).orElseThrow(() -> new IllegalArgumentException(
                open.publicData().watchOnly().stream().anyMatch(w -> w.address().equalsIgnoreCase(address))
                        ? "A watch-only address has no key in this wallet" : "No account " + address + " in this wallet"));
        VaultSecret secret = open.secret(account.sourceId()).orElseThrow(() -> new IllegalStateException("The vault lost the secret of " + address));
        if (secret.kind() == VaultSecret.Kind.PRIVATE_KEY) {
            return ECKeyPair.create(secret.privateKey());
        }
        return keyring(secret).derive(DerivationPath.parse(account.path())).keyPair();
    }

    static Optional<VaultAccount> find(PublicData data, String address) {
        return data.accounts().stream().filter(a -> a.address().equalsIgnoreCase(address)).findFirst();
    }

    private static HdKeyring keyring(VaultSecret secret) {
        char[] passphrase = secret.passphrase();
        return HdKeyring.fromMnemonic(Mnemonic.parse(new String(secret.mnemonic())), passphrase == null ? "" : new String(passphrase));
    }
}
