package org.hearth.app.desktop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Opens the window's services (the SQLite file and its migrations) on a background thread while
 * JavaFX starts its toolkit, so the window waits for the longer of the two, not for both in turn.
 */
final class EarlyServices {

    private static CompletableFuture<AppServices> opening;
    private static LaunchOptions openedFor;

    private EarlyServices() {
    }

    /** Called before the toolkit starts. */
    static synchronized void start(LaunchOptions options) {
        openedFor = options;
        opening = CompletableFuture.supplyAsync(() -> AppServices.open(options),
                task -> Thread.ofPlatform().name("hearth-open-services").daemon().start(task));
    }

    /** The services started early for these options, else opened now (tests build windows without the launcher). */
    static synchronized AppServices take(LaunchOptions options) {
        CompletableFuture<AppServices> started = opening;
        boolean same = started != null && options.equals(openedFor);
        opening = null;
        openedFor = null;
        if (!same) {
            if (started != null) {
                started.thenAccept(AppServices::close);
            }
            return AppServices.open(options);
        }
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
