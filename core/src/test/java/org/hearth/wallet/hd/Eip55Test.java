package org.hearth.wallet.hd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.hearth.chain.Addresses;
import org.hearth.wallet.Vectors;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;

class Eip55Test {

    @Test
    void checksumsTheEipExamples() {
        int n = 0;
        for (JsonNode example : Vectors.json("eip55.json").get("addresses")) {
            String expected = example.asText();
            assertEquals(expected, Keys.toChecksumAddress(expected.toLowerCase(Locale.ROOT)));
            assertTrue(Addresses.isValid(expected));
            n++;
        }
        assertEquals(8, n);
        assertFalse(Addresses.isValid("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"), "one flipped case breaks the checksum");
    }
}
