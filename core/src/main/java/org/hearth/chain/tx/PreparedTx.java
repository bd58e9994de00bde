package org.hearth.chain.tx;

import java.math.BigInteger;
import org.web3j.crypto.RawTransaction;

/**
 * A fully specified EIP-1559 transaction, ready for the review screen and for signing. The review
 * figures are exact: the most it can cost is {@code gasLimit × maxFeePerGas}, plus the value.
 */
public record PreparedTx(long chainId, String from, long nonce, String to, BigInteger value, String data,
                         BigInteger gasLimit, Fees fees) {

    public BigInteger maxNetworkFee() {
        return gasLimit.multiply(fees.maxFeePerGas());
    }

    public BigInteger maxTotal() {
        return value.add(maxNetworkFee());
    }

    public RawTransaction toRaw() {
        return RawTransaction.createTransaction(chainId, BigInteger.valueOf(nonce), gasLimit, to == null ? "" : to, value,
                data == null ? "" : data, fees.maxPriorityFeePerGas(), fees.maxFeePerGas());
    }

    public PreparedTx withFees(Fees newFees) {
        return new PreparedTx(chainId, from, nonce, to, value, data, gasLimit, newFees);
    }
}
