package org.hearth.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hearth.problem.HearthException;
import org.junit.jupiter.api.Test;

/** Token lists in the Uniswap token-list schema: validated whole, only this chain's entries kept. */
class TokenListImportTest {

    private static final String HEAD = "{\"name\":\"Test List\",\"timestamp\":\"2026-01-01T00:00:00Z\","
            + "\"version\":{\"major\":1,\"minor\":2,\"patch\":3},\"tokens\":[";

    private static String entry(long chainId, String address, int decimals, String symbol) {
        return "{\"chainId\":" + chainId + ",\"address\":\"" + address + "\",\"name\":\"Token " + symbol + "\",\"symbol\":\""
                + symbol + "\",\"decimals\":" + decimals + ",\"logoURI\":\"https://example.org/" + symbol + ".png\"}";
    }

    private static final String A = "0x1111111111111111111111111111111111111111";
    private static final String B = "0x2222222222222222222222222222222222222222";

    @Test
    void onlyThisChainsEntriesAreKept() {
        TokenListImport.Result r = TokenListImport.parse(HEAD + entry(1, A, 6, "USDC") + "," + entry(31337, B, 18, "LOC") + "]}", 31337);
        assertEquals("Test List", r.name());
        assertEquals(2, r.total());
        assertEquals(1, r.otherChains());
        assertEquals(1, r.tokens().size());
        Token t = r.tokens().getFirst();
        assertEquals(B, t.address());
        assertEquals("LOC", t.symbol());
        assertEquals(18, t.decimals());
        assertEquals(Token.Source.LISTED, t.source());
    }

    @Test
    void aValidListWithNothingForThisChainIsAcceptedAndSaysSo() {
        TokenListImport.Result r = TokenListImport.parse(HEAD + entry(1, A, 6, "USDC") + "," + entry(10, B, 18, "OP") + "]}", 31337);
        assertEquals(0, r.tokens().size());
        assertEquals(2, r.otherChains());
    }

    @Test
    void aListBreakingTheSchemaIsRefusedWholeNamingTheFirstProblem() {
        HearthException decimals = assertThrows(HearthException.class,
                () -> TokenListImport.parse(HEAD + entry(31337, A, 6, "OK") + "," + entry(31337, B, 300, "BAD") + "]}", 31337));
        assertEquals("tokens.list.invalid", decimals.key());
        assertTrue(decimals.getMessage().contains("tokens[1].decimals"), decimals.getMessage());
        HearthException version = assertThrows(HearthException.class, () -> TokenListImport.parse(
                "{\"name\":\"x\",\"timestamp\":\"t\",\"tokens\":[" + entry(31337, A, 6, "OK") + "]}", 31337));
        assertTrue(version.getMessage().contains("version"), version.getMessage());
        HearthException address = assertThrows(HearthException.class,
                () -> TokenListImport.parse(HEAD + entry(31337, "0x12", 6, "OK") + "]}", 31337));
        assertTrue(address.getMessage().contains("tokens[0].address"), address.getMessage());
        assertEquals("tokens.list.invalid", assertThrows(HearthException.class, () -> TokenListImport.parse("[1,2", 31337)).key());
        assertTrue(assertThrows(HearthException.class, () -> TokenListImport.parse(HEAD + "]}", 31337)).getMessage().contains("tokens"));
    }
}
