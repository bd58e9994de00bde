package org.hearth.app.desktop;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.hearth.problem.Problem;
import org.hearth.problem.Problems;

/**
 * The one place the app words what it shows: its bundle, over core's wording of problem keys (the
 * app's own wording of a key wins). Failures are worded here and nowhere else: a core
 * {@link Problem} by its key and arguments; anything else (input checks that still say themselves in
 * English) through {@code problem.other}.
 */
public final class Messages {

    public static final String BUNDLE = "org.hearth.app.messages";
    private static final Map<Locale, ResourceBundle> BY_LOCALE = new ConcurrentHashMap<>();

    private Messages() {
    }

    /** The words for the default locale. */
    public static ResourceBundle text() {
        return text(Locale.getDefault());
    }

    public static ResourceBundle text(Locale locale) {
        return BY_LOCALE.computeIfAbsent(locale, l -> new Layered(ResourceBundle.getBundle(BUNDLE, l),
                ResourceBundle.getBundle(Problems.BUNDLE, l)));
    }

    /** What the user reads about {@code error}, in the default locale's words. */
    public static String describe(Throwable error) {
        return describe(text(), error);
    }

    public static String describe(ResourceBundle text, Throwable error) {
        Problem problem = Problems.find(error);
        if (problem != null) {
            return Problems.format(text, problem.key(), problem.args());
        }
        String detail = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return Problems.format(text, "problem.other", java.util.List.of(detail));
    }

    /** The app's bundle with core's underneath. */
    private static final class Layered extends ResourceBundle {
        private final ResourceBundle app;
        private final ResourceBundle core;

        Layered(ResourceBundle app, ResourceBundle core) {
            this.app = app;
            this.core = core;
        }

        @Override
        protected Object handleGetObject(String key) {
            if (app.containsKey(key)) {
                return app.getObject(key);
            }
            return core.containsKey(key) ? core.getObject(key) : null;
        }

        @Override
        public Enumeration<String> getKeys() {
            TreeSet<String> keys = new TreeSet<>(app.keySet());
            keys.addAll(core.keySet());
            return Collections.enumeration(keys);
        }
    }
}
