package org.hearth.problem;

import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Words problems from a bundle; {@code %s}-style placeholders, as in the app's bundle. */
public final class Problems {

    /** Core's English wording of every problem key. */
    public static final String BUNDLE = "org.hearth.problem.problems";

    private Problems() {
    }

    /** The English wording (CLI, logs, {@link Throwable#getMessage()}). */
    public static String english(String key, Object... args) {
        return format(ResourceBundle.getBundle(BUNDLE, Locale.ROOT), key, java.util.Arrays.asList(args.clone()));
    }

    /** {@code key} worded from {@code bundle} with {@code args}; a key the bundle lacks is shown with its arguments. */
    public static String format(ResourceBundle bundle, String key, List<Object> args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key + " " + args;
        }
        try {
            return String.format(pattern, args.toArray());
        } catch (IllegalFormatException e) {
            return pattern + " " + args;
        }
    }

    /** The first {@link Problem} in {@code error}'s cause chain, or null. */
    public static Problem find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof Problem p) {
                return p;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
