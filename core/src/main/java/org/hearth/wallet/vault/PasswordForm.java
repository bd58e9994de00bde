package org.hearth.wallet.vault;

import java.nio.CharBuffer;
import java.text.Normalizer;

/**
 * How a typed password becomes the bytes Argon2id hashes; recorded in the vault file, because
 * opening must use the form the file was written with.
 */
enum PasswordForm {

    /** Files written before passwords were normalised: the UTF-8 of the password exactly as typed. */
    RAW,

    /**
     * The UTF-8 of its NFKC form, so a password typed with a composed "é" (U+00E9) or with "e" and a
     * combining accent (U+0301), as different keyboards and operating systems do, is the same
     * password. NFKC, not NFD or NFKD, because ethers.js normalises keystore passwords the same way.
     */
    NFKC;

    /** The bytes to hash; the caller wipes them. */
    byte[] utf8(char[] password) {
        if (this == RAW || Normalizer.isNormalized(CharBuffer.wrap(password), Normalizer.Form.NFKC)) {
            return SecretBytes.utf8(password);
        }
        // The JDK normalises only into a String, which cannot be wiped; only passwords that change under
        // NFKC (rare: most typed text is already in that form) pass through one.
        char[] normalized = Normalizer.normalize(CharBuffer.wrap(password), Normalizer.Form.NFKC).toCharArray();
        try {
            return SecretBytes.utf8(normalized);
        } finally {
            SecretBytes.wipe(normalized);
        }
    }
}
