package org.hearth.compute.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hearth.compute.worker.SupervisorSettings;
import org.hearth.compute.worker.WorkerOptions;
import org.hearth.compute.worker.WorkerSupervisor;
import org.junit.jupiter.api.Test;

/** The provider's local job loop through a real worker child on the CPU backend. */
class LocalJobLoopTest {

    @Test
    void rendersVerifiedTilesAndGemmsUntilClosed() throws Exception {
        List<LocalJobLoop.TileDone> tiles = new CopyOnWriteArrayList<>();
        List<LocalJobLoop.GemmDone> gemms = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        try (WorkerSupervisor worker = WorkerSupervisor.start(WorkerOptions.defaults().withBackends(List.of("cpu")),
                SupervisorSettings.defaults(), e -> { })) {
            worker.awaitReady(Duration.ofSeconds(60));
            LocalJobLoop loop = new LocalJobLoop(worker, new LocalJobLoop.Listener() {
                public void imageStarted(int pass) { }
                public void tile(LocalJobLoop.TileDone done) { tiles.add(done); }
                public void gemm(LocalJobLoop.GemmDone done) { gemms.add(done); }
                public void failed(String message) { failures.add(message); }
            });
            loop.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (gemms.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            loop.close();
        }
        assertEquals(List.of(), failures);
        assertTrue(tiles.size() >= LocalJobLoop.TILES_PER_GEMM, "tiles: " + tiles.size());
        assertTrue(tiles.stream().allMatch(LocalJobLoop.TileDone::verified), "every tile passes re-rendering");
        assertTrue(gemms.getFirst().verified(), "the gemm passes Freivalds");
        assertEquals("cpu", gemms.getFirst().backend());
        LocalJobLoop.TileDone first = tiles.getFirst();
        assertEquals(LocalJobLoop.TILE * LocalJobLoop.TILE * 3, first.rgb().length);
        assertTrue(first.msamplesPerSecond() > 0 && gemms.getFirst().gflops() > 0);
    }
}
