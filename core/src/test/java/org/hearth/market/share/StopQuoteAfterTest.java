package org.hearth.market.share;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Optional;
import org.hearth.market.JobKind;
import org.junit.jupiter.api.Test;

/** The stop dialog's countdown: the exec window's time left shrinks with the time the dialog is open, never below zero. */
class StopQuoteAfterTest {

    @Test
    void timeLeftCountsDownToZeroAndTheMoneyStays() {
        StopQuote quote = new StopQuote(7, Optional.of(JobKind.GEMM), BigInteger.TEN, 90, BigInteger.valueOf(4), BigInteger.TWO);
        assertEquals(60, quote.after(30).secondsLeft());
        assertEquals(0, quote.after(90).secondsLeft());
        assertEquals(0, quote.after(600).secondsLeft());
        StopQuote later = quote.after(45);
        assertEquals(new StopQuote(7, Optional.of(JobKind.GEMM), BigInteger.TEN, 45, BigInteger.valueOf(4), BigInteger.TWO), later);
    }
}
