package org.hearth.wallet.mnemonic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.hearth.wallet.mnemonic.MnemonicException.Problem;
import org.web3j.crypto.MnemonicUtils;

/**
 * A BIP-39 mnemonic whose checksum has been verified. The words are a secret: {@link #toString()}
 * only tells how many there are, and no error message ever quotes one.
 */
public final class Mnemonic {

    private static final int SEED_ITERATIONS = 2048;
    private static final int SEED_BYTES = 64;

    private final List<String> words;

    private Mnemonic(List<String> words) {
        this.words = List.copyOf(words);
    }

    /** A new mnemonic from the given random source (a {@link SecureRandom} in production). */
    public static Mnemonic generate(MnemonicLength length, SecureRandom random) {
        byte[] entropy = new byte[length.entropyBytes()];
        random.nextBytes(entropy);
        try {
            return fromEntropy(entropy);
        } finally {
            Arrays.fill(entropy, (byte) 0);
        }
    }

    /** The mnemonic that encodes the given entropy (16, 20, 24, 28 or 32 bytes). */
    public static Mnemonic fromEntropy(byte[] entropy) {
        if (entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0) {
            throw new IllegalArgumentException("BIP-39 entropy is 16, 20, 24, 28 or 32 bytes, not " + entropy.length);
        }
        return parse(MnemonicUtils.generateMnemonic(entropy));
    }

    /**
     * Reads and validates a mnemonic typed or pasted by a person: case, surrounding and repeated
     * white space (including the ideographic space) do not matter; word count, words and checksum do.
     */
    public static Mnemonic parse(String text) {
        List<String> words = split(text);
        if (words.isEmpty()) {
            throw new MnemonicException(Problem.EMPTY, 0, "The mnemonic is empty.");
        }
        int count = words.size();
        if (count < 12 || count > 24 || count % 3 != 0) {
            throw new MnemonicException(Problem.WORD_COUNT, 0,
                    "A mnemonic has 12, 15, 18, 21 or 24 words; this one has " + count + ".");
        }
        int[] indexes = new int[count];
        for (int i = 0; i < count; i++) {
            indexes[i] = Bip39Wordlist.indexOf(words.get(i));
            if (indexes[i] < 0) {
                throw new MnemonicException(Problem.UNKNOWN_WORD, i + 1,
                        "Word " + (i + 1) + " of the mnemonic is not in the BIP-39 English wordlist.");
            }
        }
        if (!checksumMatches(indexes)) {
            throw new MnemonicException(Problem.CHECKSUM, 0,
                    "The mnemonic's checksum does not match: a word is wrong or two words are swapped.");
        }
        return new Mnemonic(words);
    }

    /** True when the text is a valid mnemonic; for live feedback while typing. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (MnemonicException e) {
            return false;
        }
    }

    private static List<String> split(String text) {
        if (text == null) {
            return List.of();
        }
        // NFKD first: it turns U+3000 (ideographic space) and other compatibility spaces into plain spaces.
        // A byte-order mark (from Windows editors) is not part of the first word.
        String normalized = Normalizer.normalize(text.replace("\uFEFF", ""), Normalizer.Form.NFKD).toLowerCase(Locale.ROOT).strip();
        return normalized.isEmpty() ? List.of() : List.of(normalized.split("\\s+"));
    }

    /** 11 bits per word; the last words/3 bits are the first bits of SHA-256(entropy). */
    private static boolean checksumMatches(int[] indexes) {
        int totalBits = indexes.length * 11;
        int checksumBits = totalBits / 33;
        int entropyBits = totalBits - checksumBits;
        byte[] bits = new byte[(totalBits + 7) / 8];
        for (int i = 0; i < indexes.length; i++) {
            for (int b = 0; b < 11; b++) {
                if ((indexes[i] & (1 << (10 - b))) != 0) {
                    int bit = i * 11 + b;
                    bits[bit / 8] |= (byte) (0x80 >>> (bit % 8));
                }
            }
        }
        byte[] entropy = Arrays.copyOf(bits, entropyBits / 8);
        byte[] hash = sha256(entropy);
        Arrays.fill(entropy, (byte) 0);
        for (int c = 0; c < checksumBits; c++) {
            int bit = entropyBits + c;
            boolean expected = (hash[c / 8] & (0x80 >>> (c % 8))) != 0;
            boolean actual = (bits[bit / 8] & (0x80 >>> (bit % 8))) != 0;
            if (expected != actual) {
                Arrays.fill(bits, (byte) 0);
                return false;
            }
        }
        Arrays.fill(bits, (byte) 0);
        return true;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public int size() {
        return words.size();
    }

    /** The words, for display during backup. Secret. */
    public List<String> words() {
        return words;
    }

    /** The words joined by single spaces. Secret. */
    public String phrase() {
        return String.join(" ", words);
    }

    /**
     * The 64-byte BIP-39 seed: PBKDF2-HMAC-SHA512, 2048 rounds, over the NFKD-normalised phrase with salt
     * "mnemonic" + the NFKD-normalised passphrase. (web3j's MnemonicUtils.generateSeed skips NFKD, so a
     * passphrase with accents would give another wallet there; Hearth normalises as BIP-39 says.)
     */
    public byte[] toSeed(String passphrase) {
        String salt = "mnemonic" + (passphrase == null ? "" : passphrase);
        byte[] password = Normalizer.normalize(phrase(), Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8);
        byte[] saltBytes = Normalizer.normalize(salt, Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8);
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA512Digest());
        generator.init(password, saltBytes, SEED_ITERATIONS);
        byte[] seed = ((KeyParameter) generator.generateDerivedParameters(SEED_BYTES * 8)).getKey();
        Arrays.fill(password, (byte) 0);
        Arrays.fill(saltBytes, (byte) 0);
        return seed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mnemonic m && m.words.equals(words);
    }

    @Override
    public int hashCode() {
        return words.hashCode();
    }

    @Override
    public String toString() {
        return "Mnemonic[" + words.size() + " words]";
    }
}
