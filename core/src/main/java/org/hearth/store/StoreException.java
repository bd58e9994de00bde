package org.hearth.store;

import org.hearth.problem.HearthException;

/** The database could not be opened, migrated, read or written: a key ({@code store.*}) and its arguments. */
public class StoreException extends HearthException {

    public StoreException(String key, Object[] args, Throwable cause) {
        super(key, cause, args);
    }

    /** A failure said in English only (the key {@code store.failed} carries the text as data). */
    public StoreException(String message, Throwable cause) {
        super("store.failed", cause, message);
    }
}
