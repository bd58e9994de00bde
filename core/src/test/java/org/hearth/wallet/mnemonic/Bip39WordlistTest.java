package org.hearth.wallet.mnemonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class Bip39WordlistTest {

    @Test
    void holdsTheEnglishList() {
        assertEquals(2048, Bip39Wordlist.words().size());
        assertEquals(0, Bip39Wordlist.indexOf("abandon"));
        assertEquals(2047, Bip39Wordlist.indexOf("zoo"));
        assertEquals(-1, Bip39Wordlist.indexOf("bitcoin"));
        assertTrue(Bip39Wordlist.contains("junk"));
        assertFalse(Bip39Wordlist.contains("Junk"));
    }

    @Test
    void completesPrefixes() {
        assertEquals(List.of("abandon", "ability", "able", "about", "above", "absent", "absorb", "abstract", "absurd", "abuse"),
                Bip39Wordlist.complete("ab"));
        assertEquals(List.of("zone", "zoo"), Bip39Wordlist.complete(" ZO "));
        assertEquals(List.of("junk"), Bip39Wordlist.complete("junk"));
        assertEquals(List.of(), Bip39Wordlist.complete("xyz"));
        assertEquals(List.of(), Bip39Wordlist.complete(""));
    }

    @Test
    void fourLettersAlwaysPickOneWord() {
        for (String word : Bip39Wordlist.words()) {
            String prefix = word.substring(0, Math.min(4, word.length()));
            assertEquals(word, Bip39Wordlist.complete(prefix).getFirst(), prefix);
            if (word.length() >= 4) {
                assertEquals(1, Bip39Wordlist.complete(prefix).size(), prefix);
            }
        }
    }
}
