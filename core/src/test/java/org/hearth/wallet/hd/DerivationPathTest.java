package org.hearth.wallet.hd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DerivationPathTest {

    private static final int H = DerivationPath.HARDENED;

    @Test
    void parsesAndPrintsCanonically() {
        DerivationPath p = DerivationPath.parse("m/44'/60'/0'/0/7");
        assertArrayEquals(new int[] {44 | H, 60 | H, H, 0, 7}, p.segments());
        assertEquals("m/44'/60'/0'/0/7", p.toString());
        assertEquals(p, DerivationPath.parse(" m/44h/60H/0'/0/7 "));
        assertEquals(0, DerivationPath.parse("m").depth());
        assertEquals("m/2147483647'", DerivationPath.parse("m/2147483647'").toString());
        assertEquals("m/44'/60'/0'/0", p.parent().toString());
        assertTrue(p.startsWith(DerivationPath.parse("m/44'/60'")));
    }

    @Test
    void schemesGiveTheirPaths() {
        assertEquals("m/44'/60'/0'/0/3", AddressScheme.BIP44.path(3).toString());
        assertEquals("m/44'/60'/3'/0/0", AddressScheme.LEDGER_LIVE.path(3).toString());
        assertEquals("m/44'/60'/0'/3", AddressScheme.LEGACY.path(3).toString());
        for (AddressScheme scheme : AddressScheme.values()) {
            assertTrue(scheme.path(5).startsWith(scheme.parent()), scheme.name());
        }
    }

    private static String error(String path) {
        return assertThrows(DerivationPathException.class, () -> DerivationPath.parse(path)).getMessage();
    }

    @Test
    void badPathsGetClearErrors() {
        assertEquals("Derivation path \"44'/60'/0'/0/0\" must start with \"m/\" (like m/44'/60'/0'/0/0).", error("44'/60'/0'/0/0"));
        assertEquals("Level 3 of derivation path \"m/44'/60'/x/0\" is \"x\": each level is a number, with ' for hardened (like 44').",
                error("m/44'/60'/x/0"));
        assertTrue(error("m/44'//0").contains("Level 2"), "empty level");
        assertTrue(error("m/44'/60'/").contains("Level 3"), "trailing slash");
        assertTrue(error("m/-1").contains("is \"-1\""));
        assertTrue(error("m/44''").contains("is \"44''\""));
        assertEquals("Level 1 of derivation path \"m/2147483648\" is 2147483648, which is too large: indexes go up to 2147483647 (2^31 - 1);"
                + " write ' for a hardened index.", error("m/2147483648"));
        assertTrue(error("m/99999999999999999999'").contains("too large"));
        assertEquals("Derivation path \"m/0/1/2/3/4/5/6/7/8/9/10\" has 11 levels; at most 10 are allowed.", error("m/0/1/2/3/4/5/6/7/8/9/10"));
        assertTrue(error("").contains("empty"));
        assertThrows(DerivationPathException.class, () -> AddressScheme.BIP44.path(-1));
    }
}
