package org.hearth.compute.blob;

/** A blob or blob id that cannot be used: malformed, unknown, too large, or not matching its id. The message says which. */
public class BlobException extends RuntimeException {

    public BlobException(String message) {
        super(message);
    }

    public BlobException(String message, Throwable cause) {
        super(message, cause);
    }
}
