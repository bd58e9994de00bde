package org.hearth.problem;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The base of core's errors: a {@link Problem} (key and arguments) whose {@link #getMessage()} is its
 * English wording, for the CLI and the logs. The desktop app words {@link #key()} from its own bundle.
 */
public class HearthException extends RuntimeException implements Problem {

    private final String key;
    private final List<Object> args;

    public HearthException(String key, Throwable cause, Object... args) {
        super(Problems.english(key, args), cause);
        this.key = key;
        this.args = Collections.unmodifiableList(Arrays.asList(args.clone()));
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public List<Object> args() {
        return args;
    }
}
