package org.hearth.node;

/** A node could not be started, reached or trusted; the message is meant for people. */
public class NodeException extends RuntimeException {
    public NodeException(String message) {
        super(message);
    }

    public NodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
