package org.hearth.store;

/** The database could not be opened, migrated, read or written; the message is meant for people. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
