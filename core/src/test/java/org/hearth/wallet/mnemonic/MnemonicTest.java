package org.hearth.wallet.mnemonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Set;
import org.hearth.wallet.Vectors;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.MnemonicUtils;

class MnemonicTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String ABANDON = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    @Test
    void bip39EnglishVectors() {
        JsonNode vectors = Vectors.shared("bip39-english.json");
        String passphrase = vectors.get("passphrase").asText();
        int checked = 0;
        for (JsonNode row : vectors.get("english")) {
            byte[] entropy = HEX.parseHex(row.get(0).asText());
            String phrase = row.get(1).asText();
            Mnemonic fromEntropy = Mnemonic.fromEntropy(entropy);
            assertEquals(phrase, fromEntropy.phrase(), "entropy " + row.get(0).asText());
            Mnemonic parsed = Mnemonic.parse(phrase);
            assertEquals(fromEntropy, parsed);
            assertEquals(row.get(2).asText(), HEX.formatHex(parsed.toSeed(passphrase)), phrase);
            checked++;
        }
        assertEquals(24, checked, "the shared file holds the 24 english vectors");
    }

    @Test
    void generatesValidMnemonicsOfTwelveAndTwentyFourWords() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (MnemonicLength length : MnemonicLength.values()) {
            for (int i = 0; i < 20; i++) {
                Mnemonic m = Mnemonic.generate(length, random);
                assertEquals(length.words(), m.size());
                assertEquals(m, Mnemonic.parse(m.phrase()), "a generated mnemonic passes its own checksum");
                assertTrue(MnemonicUtils.validateMnemonic(m.phrase()), "web3j agrees it is valid");
                assertTrue(seen.add(m.phrase()), "fresh entropy every time");
            }
        }
    }

    @Test
    void readsWhatPeopleTypeOrPaste() {
        Mnemonic clean = Mnemonic.parse(ABANDON);
        assertEquals(clean, Mnemonic.parse("  " + ABANDON.toUpperCase().replace(" ", " \t\n ") + "\n"));
        assertEquals(clean, Mnemonic.parse(ABANDON.replace(" ", "\u3000")), "ideographic spaces separate words too");
        assertEquals(clean, Mnemonic.parse("\uFEFF" + ABANDON + "\r\n"), "a byte-order mark and CRLF are not words");
    }

    @Test
    void wrongWordCountIsNamed() {
        MnemonicException e = assertThrows(MnemonicException.class, () -> Mnemonic.parse(ABANDON.substring("abandon ".length())));
        assertEquals(MnemonicException.Problem.WORD_COUNT, e.problem());
        assertEquals("A mnemonic has 12, 15, 18, 21 or 24 words; this one has 11.", e.getMessage());
        assertEquals(MnemonicException.Problem.EMPTY, assertThrows(MnemonicException.class, () -> Mnemonic.parse(" \n")).problem());
    }

    @Test
    void unknownWordIsNamedByPositionWithoutQuotingIt() {
        String typo = ABANDON.replaceFirst("abandon abandon abandon", "abandon abandon abandn");
        MnemonicException e = assertThrows(MnemonicException.class, () -> Mnemonic.parse(typo));
        assertEquals(MnemonicException.Problem.UNKNOWN_WORD, e.problem());
        assertEquals(3, e.position());
        assertEquals("Word 3 of the mnemonic is not in the BIP-39 English wordlist.", e.getMessage());
        assertFalse(e.getMessage().contains("abandn"), "mnemonic words are secrets");
    }

    @Test
    void badChecksumIsNamed() {
        String swapped = ABANDON.replace("about", "abandon");
        MnemonicException e = assertThrows(MnemonicException.class, () -> Mnemonic.parse(swapped));
        assertEquals(MnemonicException.Problem.CHECKSUM, e.problem());
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        assertFalse(e.getMessage().contains("abandon"));
        assertFalse(Mnemonic.isValid(swapped));
        assertTrue(Mnemonic.isValid(ABANDON));
    }

    @Test
    void toStringKeepsTheWordsSecret() {
        assertEquals("Mnemonic[12 words]", Mnemonic.parse(ABANDON).toString());
    }

    /** BIP-39: passphrase and phrase are NFKD-normalised, so composed and decomposed accents give one wallet. */
    @Test
    void passphraseIsNfkdNormalised() {
        Mnemonic m = Mnemonic.parse(ABANDON);
        byte[] composed = m.toSeed("caf\u00e9");
        byte[] decomposed = m.toSeed("cafe\u0301");
        assertEquals(HEX.formatHex(decomposed), HEX.formatHex(composed));
        assertNotEquals(HEX.formatHex(m.toSeed("cafe")), HEX.formatHex(composed));
        // web3j hashes the passphrase as given: the composed form gives another seed there.
        assertEquals(HEX.formatHex(MnemonicUtils.generateSeed(ABANDON, "cafe\u0301")), HEX.formatHex(composed));
        assertNotEquals(HEX.formatHex(MnemonicUtils.generateSeed(ABANDON, "caf\u00e9")), HEX.formatHex(composed));
        assertEquals(HEX.formatHex(MnemonicUtils.generateSeed(ABANDON, "")), HEX.formatHex(m.toSeed(null)));
    }

    /** NFKD, not NFD: compatibility characters (a ligature, full-width letters) fold too, as BIP-39 requires. */
    @Test
    void passphraseNormalisationIsTheCompatibilityForm() {
        Mnemonic m = Mnemonic.parse(ABANDON);
        String folded = HEX.formatHex(MnemonicUtils.generateSeed(ABANDON, "fi PW"));
        assertEquals(folded, HEX.formatHex(m.toSeed("\ufb01 \uff30\uff37")));
    }
}
