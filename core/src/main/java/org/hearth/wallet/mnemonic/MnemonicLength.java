package org.hearth.wallet.mnemonic;

/** The mnemonic sizes Hearth creates: 12 words (128 bits of entropy) or 24 words (256 bits). */
public enum MnemonicLength {
    TWELVE(12, 16),
    TWENTY_FOUR(24, 32);

    private final int words;
    private final int entropyBytes;

    MnemonicLength(int words, int entropyBytes) {
        this.words = words;
        this.entropyBytes = entropyBytes;
    }

    public int words() {
        return words;
    }

    public int entropyBytes() {
        return entropyBytes;
    }

    public static MnemonicLength ofWords(int words) {
        for (MnemonicLength length : values()) {
            if (length.words == words) {
                return length;
            }
        }
        throw new IllegalArgumentException("Hearth creates mnemonics of 12 or 24 words, not " + words);
    }
}
