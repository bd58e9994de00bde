package org.hearth.app.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hearth.compute.blob.Cid;
import org.hearth.compute.blob.JobManifest;
import org.hearth.market.requester.JobOutcome;
import org.hearth.market.requester.PostedJob;
import org.hearth.market.requester.ResultReview;
import org.hearth.market.requester.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A result waiting for the user stops waiting when its review window closes on the chain's clock (not
 * this machine's): the row goes and the review moves on; a decision in time is returned as made; a chain
 * clock that cannot be read for a while does not end the wait.
 */
class ManualReviewLapseUiTest {

    private static final long DEADLINE = 1_000_000;

    @BeforeAll
    static void fx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void theWaitEndsWhenTheWindowClosesOnTheChainsClock() throws Exception {
        ObservableList<ManualReview.Waiting> waiting = FXCollections.observableArrayList();
        AtomicLong chain = new AtomicLong(DEADLINE - 5);
        CompletableFuture<ResultReview.Decision> decided = CompletableFuture.supplyAsync(() -> decide(waiting, () -> {
            long now = chain.get();
            if (now == DEADLINE) {
                throw new IllegalStateException("node down"); // unreadable for a moment: keep waiting
            }
            return now;
        }));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> waiting.size() == 1);
        chain.set(DEADLINE);
        Thread.sleep(2_500);
        assertEquals(1, waiting.size(), "still waiting at the deadline and while the clock cannot be read");
        chain.set(DEADLINE + 1);
        assertEquals(ResultReview.Decision.LAPSED, decided.get(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, waiting::isEmpty);
    }

    @Test
    void aDecisionInTimeIsReturnedAsMade() throws Exception {
        ObservableList<ManualReview.Waiting> waiting = FXCollections.observableArrayList();
        for (boolean accept : List.of(true, false)) {
            CompletableFuture<ResultReview.Decision> decided = CompletableFuture.supplyAsync(() -> decide(waiting, () -> DEADLINE - 60));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> waiting.size() == 1);
            WaitForAsyncUtils.asyncFx(() -> waiting.getFirst().decision().complete(accept)).get(5, TimeUnit.SECONDS);
            assertEquals(accept ? ResultReview.Decision.ACCEPT : ResultReview.Decision.DISPUTE, decided.get(10, TimeUnit.SECONDS));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, waiting::isEmpty);
        }
        assertTrue(waiting.isEmpty());
    }

    private static ResultReview.Decision decide(ObservableList<ManualReview.Waiting> waiting, java.util.function.LongSupplier clock) {
        try {
            return new ManualReview(waiting).decide(finding(), clock);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResultReview.Finding finding() {
        Cid spec = Cid.of("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        PostedJob posted = new PostedJob(BigInteger.ONE, new JobManifest.Gemm(2, 2, 2, spec, spec), spec, BigInteger.TEN);
        return new ResultReview.Finding(posted, "0x0000000000000000000000000000000000000001", spec, new byte[16],
                new Verdict(true, true, "gemm", "Freivalds' check passed 5 rounds", Map.of()), DEADLINE, 1, JobOutcome.Timing.NONE);
    }
}
