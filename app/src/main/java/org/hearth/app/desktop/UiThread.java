package org.hearth.app.desktop;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one place where background results reach the FX thread. Work runs on virtual threads
 * (core services are blocking and safe there); callbacks run on the FX thread.
 */
public final class UiThread {

    private static final ExecutorService WORKERS = Executors.newVirtualThreadPerTaskExecutor();

    private UiThread() {
    }

    public static void run(Runnable onFx) {
        if (Platform.isFxApplicationThread()) {
            onFx.run();
        } else {
            Platform.runLater(onFx);
        }
    }

    /**
     * A sink for values that come faster than frames (indexing progress): each value is handed to
     * {@code onFx} on the FX thread, except that values arriving before the previous one was handed
     * over replace it, so the FX queue holds at most one and the newest always arrives.
     */
    public static <T> Consumer<T> latest(Consumer<T> onFx) {
        java.util.concurrent.atomic.AtomicReference<T> pending = new java.util.concurrent.atomic.AtomicReference<>();
        return value -> {
            if (pending.getAndSet(value) == null) {
                run(() -> onFx.accept(pending.getAndSet(null)));
            }
        };
    }

    public static <T> void background(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        WORKERS.submit(() -> {
            try {
                T result = work.call();
                run(() -> onSuccess.accept(result));
            } catch (Throwable t) {
                run(() -> onFailure.accept(t));
            }
        });
    }
}
