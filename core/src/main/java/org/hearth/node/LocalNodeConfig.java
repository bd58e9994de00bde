package org.hearth.node;

import java.time.Duration;

/** How the embedded anvil runs: block interval, state snapshot interval, start timeout. */
public record LocalNodeConfig(int blockTimeSeconds, int stateIntervalSeconds, Duration startTimeout) {

    public static LocalNodeConfig defaults() {
        return new LocalNodeConfig(2, 5, Duration.ofSeconds(30));
    }
}
