package org.hearth.wallet.vault;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One secret kept in the vault: a mnemonic (words plus optional BIP-39 passphrase, kept exactly as
 * given) or a raw 32-byte private key, named by an id that accounts in the public section refer to.
 * The vault does not derive keys; it only keeps these safe. Accessors return copies that the caller
 * should wipe; {@link #wipe()} clears this object's arrays. {@link #toString()} never shows a secret.
 */
public final class VaultSecret {

    public enum Kind { MNEMONIC, PRIVATE_KEY }

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final int MAX_SECRET_CHARS = 1024;

    private final String id;
    private final Kind kind;
    private final char[] words;
    private final char[] passphrase;
    private final byte[] privateKey;

    private VaultSecret(String id, Kind kind, char[] words, char[] passphrase, byte[] privateKey) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A secret id must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        this.id = id;
        this.kind = kind;
        this.words = words;
        this.passphrase = passphrase;
        this.privateKey = privateKey;
    }

    /** A mnemonic and its passphrase ({@code null} or empty for none); both arrays are copied. */
    public static VaultSecret mnemonic(String id, char[] words, char[] passphrase) {
        Objects.requireNonNull(words, "words");
        if (words.length == 0 || words.length > MAX_SECRET_CHARS) {
            throw new IllegalArgumentException("A mnemonic must have 1 to " + MAX_SECRET_CHARS + " characters");
        }
        char[] pass = passphrase == null ? new char[0] : passphrase.clone();
        if (pass.length > MAX_SECRET_CHARS) {
            throw new IllegalArgumentException("A passphrase may have at most " + MAX_SECRET_CHARS + " characters");
        }
        return new VaultSecret(id, Kind.MNEMONIC, words.clone(), pass, null);
    }

    /** A raw secp256k1 private key of exactly 32 bytes; the array is copied. */
    public static VaultSecret privateKey(String id, byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != 32) {
            throw new IllegalArgumentException("A private key must be 32 bytes");
        }
        return new VaultSecret(id, Kind.PRIVATE_KEY, null, null, key.clone());
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** A copy of the mnemonic words; only for {@link Kind#MNEMONIC}. */
    public char[] mnemonic() {
        requireKind(Kind.MNEMONIC);
        return words.clone();
    }

    /** A copy of the BIP-39 passphrase (empty when none); only for {@link Kind#MNEMONIC}. */
    public char[] passphrase() {
        requireKind(Kind.MNEMONIC);
        return passphrase.clone();
    }

    /** A copy of the private key; only for {@link Kind#PRIVATE_KEY}. */
    public byte[] privateKey() {
        requireKind(Kind.PRIVATE_KEY);
        return privateKey.clone();
    }

    /** A deep copy, so the vault and its callers never share arrays that one of them wipes. */
    public VaultSecret copy() {
        return new VaultSecret(id, kind,
                words == null ? null : words.clone(),
                passphrase == null ? null : passphrase.clone(),
                privateKey == null ? null : privateKey.clone());
    }

    /** Overwrites this object's secret arrays with zeros (Java cannot promise no other copy exists). */
    public void wipe() {
        SecretBytes.wipe(words);
        SecretBytes.wipe(passphrase);
        SecretBytes.wipe(privateKey);
    }

    /** Same id, kind and secret content. */
    public boolean sameAs(VaultSecret other) {
        return other != null && id.equals(other.id) && kind == other.kind
                && java.util.Arrays.equals(words, other.words)
                && java.util.Arrays.equals(passphrase, other.passphrase)
                && java.util.Arrays.equals(privateKey, other.privateKey);
    }

    char[] wordsRef() {
        return words;
    }

    char[] passphraseRef() {
        return passphrase;
    }

    byte[] privateKeyRef() {
        return privateKey;
    }

    private void requireKind(Kind expected) {
        if (kind != expected) {
            throw new IllegalStateException("Secret " + id + " is a " + kind + ", not a " + expected);
        }
    }

    @Override
    public String toString() {
        return "VaultSecret[id=" + id + ", kind=" + kind + "]";
    }
}
