package org.hearth.wallet.vault;

import java.time.Duration;

/** Waits between password attempts; injected so tests record the delays instead of waiting. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
        return duration -> {
            if (!duration.isZero()) {
                Thread.sleep(duration);
            }
        };
    }
}
