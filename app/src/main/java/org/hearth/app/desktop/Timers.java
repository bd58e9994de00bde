package org.hearth.app.desktop;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Single daemon-thread schedulers for the models' periodic work (they must not keep the app alive). */
public final class Timers {

    private Timers() {
    }

    public static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
