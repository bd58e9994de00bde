package org.hearth.compute.worker;

/** A frame is malformed or over its cap; the stream cannot be trusted after it. */
public class ProtocolException extends RuntimeException {
    public ProtocolException(String message) {
        super(message);
    }
}
