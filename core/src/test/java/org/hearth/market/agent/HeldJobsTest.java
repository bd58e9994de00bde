package org.hearth.market.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hearth.compute.worker.JobResult;
import org.hearth.market.JobKind;
import org.junit.jupiter.api.Test;

/** The agent's capacity rule: a job is claimed only if it ends within its exec window behind the held ones, and never past the cap. */
class HeldJobsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aJobFitsOnlyIfItEndsInItsWindowBehindTheJobsAhead() {
        HeldJobs held = new HeldJobs(3);
        assertTrue(held.fits(30, 30, 0), "alone, exactly its window");
        assertFalse(held.fits(31, 30, 0), "alone, longer than its window");
        held.add(held(1, 20, new CompletableFuture<>(), 0));
        assertFalse(held.fits(15, 30, 0), "20 s ahead + 15 s > 30 s");
        assertTrue(held.fits(15, 40, 0));
        assertTrue(held.fits(15, 30, 5 * SECOND), "the first job has run 5 s of its 20: 15 s ahead");
        assertEquals(0, held.secondsAhead(25 * SECOND), 0, "a job past its estimate counts as just ending");
        held.add(held(2, 10, new CompletableFuture<>(), 5 * SECOND));
        assertEquals(25, held.secondsAhead(5 * SECOND), 1e-9, "queued jobs count whole: 15 s left of the first, 10 s of the second");
    }

    @Test
    void finishedJobsNoLongerDelayTheNextButStillCountAgainstTheCapUntilSubmitted() {
        HeldJobs held = new HeldJobs(2);
        CompletableFuture<JobResult> done = new CompletableFuture<>();
        held.add(held(1, 50, done, 0));
        assertFalse(held.fits(20, 60, 0));
        done.complete(null);
        assertTrue(held.fits(20, 60, 0), "its work ended: nothing ahead");
        assertEquals(List.of(1L), held.finished().stream().map(h -> h.job().id()).toList());
        held.add(held(2, 5, new CompletableFuture<>(), 0));
        assertFalse(held.fits(1, 60, 0), "two held: the cap, until the first is submitted and let go");
        held.remove(1);
        assertTrue(held.fits(1, 60, 0));
        assertEquals(2L, held.first().getAsLong());
        assertEquals(List.of(2L), held.ids());
    }

    private static HeldJobs.Held held(long id, double seconds, CompletableFuture<JobResult> result, long sentNanos) {
        ProviderJob job = new ProviderJob("0x0", id, "0x1", JobKind.GEMM.code(), null, null, BigInteger.ONE, 0, ProviderJob.Stage.CLAIMED, null,
                JobOutcome.PENDING, "claimed", null, 0, 0);
        return new HeldJobs.Held(job, null, result, seconds, sentNanos);
    }
}
