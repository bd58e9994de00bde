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
