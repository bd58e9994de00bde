package org.hearth.dao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Titles come from untrusted descriptions: first non-blank line, heading marks and invisible controls out, capped. */
class StoredProposalTest {

    private static StoredProposal withDescription(String description) {
        return new StoredProposal("0x0", BigInteger.ONE, "0x0", List.of(), List.of(), List.of(), description, BigInteger.ONE, BigInteger.TWO, 1, "0x");
    }

    @Test
    void theTitleIsTheFirstNonBlankLineWithoutHeadingMarks() {
        assertEquals("Fund the thing", withDescription("\n\n  ## Fund the thing\nbody").title());
        assertEquals("", withDescription("").title());
    }

    @Test
    void bidiOverridesAndControlsAreRemovedAndMarkupStaysText() {
        assertEquals("Pay evil.exe", withDescription("# Pay \u202Eevil\u202C.exe\u0000").title());
        assertEquals("<script>alert(1)</script>", withDescription("<script>alert(1)</script>\nmore").title());
    }

    @Test
    void aHugeTitleIsCapped() {
        String title = withDescription("x".repeat(1_000_000)).title();
        assertEquals(201, title.length());
        assertTrue(title.endsWith("…"));
    }
}
