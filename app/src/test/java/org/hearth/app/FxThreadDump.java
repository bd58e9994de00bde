package org.hearth.app;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a UI test fails, prints where the JavaFX thread (and every thread that holds or waits for a
 * lock) stood, then rethrows: a test that times out because the FX thread hung then says why.
 */
public final class FxThreadDump implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        StringBuilder out = new StringBuilder("---- threads when " + context.getDisplayName() + " failed ----\n");
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            boolean interesting = t.getName().startsWith("JavaFX Application Thread")
                    || t.getState() == Thread.State.BLOCKED || t.getState() == Thread.State.WAITING;
            if (!interesting || e.getValue().length == 0) {
                continue;
            }
            out.append('"').append(t.getName()).append("\" ").append(t.getState()).append('\n');
            for (int i = 0; i < Math.min(40, e.getValue().length); i++) {
                out.append("    at ").append(e.getValue()[i]).append('\n');
            }
        }
        System.err.print(out);
        throw failure;
    }
}
