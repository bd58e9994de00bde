package org.hearth.chain.tx;

import java.math.BigInteger;
import java.time.Instant;

/** A transaction this app sent, as stored. Addresses are lower-case hex; amounts are wei. */
public record TxRecord(String hash, long chainId, String sender, long nonce, String recipient, BigInteger value,
                       String data, BigInteger gasLimit, Fees fees, TxKind kind, String replaces, TxStatus status,
                       Long blockNumber, BigInteger gasUsed, BigInteger effectiveGasPrice, String raw,
                       Instant createdAt, Instant updatedAt) {

    public TxRecord withStatus(TxStatus newStatus, Long block, BigInteger used, BigInteger price) {
        return new TxRecord(hash, chainId, sender, nonce, recipient, value, data, gasLimit, fees, kind, replaces,
                newStatus, block, used, price, raw, createdAt, Instant.now());
    }

    /** What the sender paid in gas once mined (null while pending). */
    public BigInteger feePaid() {
        return gasUsed == null || effectiveGasPrice == null ? null : gasUsed.multiply(effectiveGasPrice);
    }
}
