package org.hearth.chain.abi;

/** Data that does not match the ABI it is decoded with, or arguments that do not fit a signature. */
public final class AbiException extends RuntimeException {

    public AbiException(String message) {
        super(message);
    }

    public AbiException(String message, Throwable cause) {
        super(message, cause);
    }
}
