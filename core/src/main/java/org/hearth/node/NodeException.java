package org.hearth.node;

import org.hearth.problem.HearthException;

/** A node could not be started, reached or trusted: a key ({@code node.*}) and its arguments. */
public class NodeException extends HearthException {

    /** {@code args} fill the key's placeholders (endpoints, ports, chain ids: data, never secrets). */
    public NodeException(String key, Object[] args, Throwable cause) {
        super(key, cause, args);
    }

    /** A failure said in English only (the key {@code node.failed} carries the text as data). */
    public NodeException(String message) {
        this(message, (Throwable) null);
    }

    public NodeException(String message, Throwable cause) {
        super("node.failed", cause, message);
    }
}
