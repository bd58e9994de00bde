package org.hearth.chain.tx;

/** Gas estimation shows the transaction would revert; it is not sent. */
public class TxWouldRevertException extends org.hearth.problem.HearthException {

    private final String reason;

    public TxWouldRevertException(String reason, Throwable cause) {
        super("tx.wouldRevert", cause, reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
