package org.hearth.problem;

import java.util.List;

/**
 * Something that went wrong, said as a message key and its arguments, so each front end words it
 * in its own language: the desktop app from its bundle, the CLI and the logs in English
 * ({@code problems.properties} beside this class). Arguments are data (addresses, numbers, endpoints,
 * a node's own error text), never words that need translating, and never secrets.
 */
public interface Problem {

    /** The message key, e.g. {@code rpc.tooLarge}. */
    String key();

    /** The values the message's {@code %s} placeholders take, in order. */
    List<Object> args();
}
