package org.hearth.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class (see junit-platform.properties): when the whole run ends, any
 * process this test JVM started and that is still alive (an anvil a failed test never closed, a
 * local node the app under test left running) is stopped, so no test leaves processes behind it.
 */
public final class NoChildOutlivesTheTests implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(NoChildOutlivesTheTests.class, key -> new StopChildren(), StopChildren.class);
    }

    /** Closed by JUnit once, after the last test of the run. */
    private static final class StopChildren implements AutoCloseable {
        @Override
        public void close() {
            ProcessHandle.current().children().forEach(child -> {
                child.descendants().forEach(ProcessHandle::destroy);
                child.destroy();
            });
        }
    }
}
