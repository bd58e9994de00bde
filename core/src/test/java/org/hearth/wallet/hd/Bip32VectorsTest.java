package org.hearth.wallet.hd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import org.hearth.wallet.Vectors;
import org.junit.jupiter.api.Test;

/** BIP-32 test vectors 1-3: the xprv and xpub of every chain level. */
class Bip32VectorsTest {

    @Test
    void everyChainOfTheThreeVectors() {
        int chains = 0;
        for (JsonNode vector : Vectors.json("bip32.json").get("vectors")) {
            HdKeyring keyring = HdKeyring.fromSeed(HexFormat.of().parseHex(vector.get("seed").asText()));
            for (JsonNode chain : vector.get("chains")) {
                DerivationPath path = DerivationPath.parse(chain.get("path").asText());
                var node = keyring.node(path);
                assertEquals(chain.get("xprv").asText(), ExtendedKeys.xprv(node), "xprv of " + path);
                assertEquals(chain.get("xpub").asText(), ExtendedKeys.xpub(node), "xpub of " + path);
                chains++;
            }
        }
        assertEquals(14, chains);
    }
}
