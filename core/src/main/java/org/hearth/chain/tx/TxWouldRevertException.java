package org.hearth.chain.tx;

/** Gas estimation shows the transaction would revert; it is not sent. */
public class TxWouldRevertException extends RuntimeException {

    private final String reason;

    public TxWouldRevertException(String reason, Throwable cause) {
        super("This transaction would fail: " + reason, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
