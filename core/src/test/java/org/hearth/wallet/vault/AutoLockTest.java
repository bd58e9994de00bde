package org.hearth.wallet.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoLockTest {

    @TempDir
    Path dir;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final InstantSource clock = now::get;

    @Test
    void locksOnlyAfterTheIdleTimeAndActivityRestartsIt() {
        UnlockedVault unlocked = VaultFixtures.vault(dir.resolve(Vault.FILE_NAME))
                .create("pw".toCharArray(), VaultFixtures.secrets(), PublicData.EMPTY);
        AutoLock autoLock = new AutoLock(unlocked, Duration.ofMinutes(5), clock);
        advance(Duration.ofMinutes(4));
        assertFalse(autoLock.lockIfIdle());
        autoLock.touch();
        advance(Duration.ofMinutes(4));
        assertFalse(autoLock.lockIfIdle(), "activity restarted the idle time");
        assertEquals(Duration.ofMinutes(1), autoLock.remaining());
        advance(Duration.ofMinutes(1));
        assertTrue(autoLock.lockIfIdle());
        assertTrue(unlocked.isLocked());
        assertThrows(VaultLockedException.class, unlocked::secrets);
    }

    @Test
    void theSchedulerLocksAnIdleVault() throws Exception {
        UnlockedVault unlocked = VaultFixtures.vault(dir.resolve(Vault.FILE_NAME))
                .create("pw".toCharArray(), VaultFixtures.secrets(), PublicData.EMPTY);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        unlocked.addLockListener(locked::countDown);
        try (AutoLock autoLock = new AutoLock(unlocked, Duration.ofSeconds(60), clock)) {
            autoLock.start(scheduler, Duration.ofMillis(10));
            assertFalse(locked.await(100, TimeUnit.MILLISECONDS), "not idle long enough yet");
            advance(Duration.ofSeconds(61));
            assertTrue(locked.await(10, TimeUnit.SECONDS));
            assertTrue(unlocked.isLocked());
        } finally {
            scheduler.shutdownNow();
        }
    }

    private void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }
}
