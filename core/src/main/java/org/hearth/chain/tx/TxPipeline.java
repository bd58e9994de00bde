package org.hearth.chain.tx;

import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hearth.chain.Addresses;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.hearth.store.TxRepository;
import org.web3j.utils.Numeric;

/**
 * The one transaction pipeline: prepare (nonce, gas, fees) → review → sign → send → track, plus
 * speed-up and cancel by replacement. Wallet sends, token transfers, votes and market calls all
 * come through here.
 */
public final class TxPipeline {

    /** Replacements must outbid the original; geth and anvil want at least 10%. */
    static final int REPLACEMENT_BUMP_PERCENT = 12;

    private final RpcClient rpc;
    private final long chainId;
    private final TxRepository repository;
    private final NonceManager nonces;
    private final FeeOracle fees;

    public TxPipeline(RpcClient rpc, long chainId, TxRepository repository) {
        this.rpc = rpc;
        this.chainId = chainId;
        this.repository = repository;
        this.nonces = new NonceManager(rpc, repository);
        this.fees = new FeeOracle(rpc);
    }

    public FeeSuggestions feeSuggestions() {
        return fees.suggest();
    }

    /** Prepares a transaction with a fee preset. */
    public PreparedTx prepare(String from, String to, BigInteger value, String data, FeeLevel level) {
        return prepare(from, to, value, data, fees.suggest().get(level));
    }

    /**
     * Prepares a transaction with given fees: validates the addresses, takes the next nonce, and
     * estimates gas, failing with the revert reason when the transaction would fail.
     */
    public PreparedTx prepare(String from, String to, BigInteger value, String data, Fees chosenFees) {
        if (!Addresses.isValid(from)) {
            throw new IllegalArgumentException("Not a valid sender address: " + from);
        }
        if (to != null && !Addresses.isValid(to)) {
            throw new IllegalArgumentException("Not a valid recipient address (check the checksum): " + to);
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException("The amount cannot be negative");
        }
        String payload = data == null || data.isEmpty() ? "0x" : data;
        BigInteger gas = estimateGas(from, to, value, payload);
        long nonce = nonces.next(chainId, from);
        return new PreparedTx(chainId, Addresses.checksummed(from), nonce, to == null ? null : Addresses.checksummed(to),
                value, payload, gas, chosenFees);
    }

    /** Signs and broadcasts a reviewed transaction; returns its record (status PENDING). */
    public TxRecord send(PreparedTx tx, TxSigner signer) {
        return broadcast(tx, signer, TxKind.SEND, null);
    }

    /** Re-sends the same transaction with the same nonce and higher fees. */
    public TxRecord speedUp(String hash, TxSigner signer, Fees atLeast) {
        TxRecord original = pendingRecord(hash);
        PreparedTx tx = new PreparedTx(chainId, original.sender(), original.nonce(), original.recipient(), original.value(),
                original.data(), original.gasLimit(), replacementFees(original, atLeast));
        return broadcast(tx, signer, TxKind.SPEED_UP, original.hash());
    }

    /** Replaces a pending transaction with a zero-value transfer to oneself at the same nonce. */
    public TxRecord cancel(String hash, TxSigner signer, Fees atLeast) {
        TxRecord original = pendingRecord(hash);
        PreparedTx tx = new PreparedTx(chainId, original.sender(), original.nonce(), original.sender(), BigInteger.ZERO,
                "0x", BigInteger.valueOf(21_000), replacementFees(original, atLeast));
        return broadcast(tx, signer, TxKind.CANCEL, original.hash());
    }

    public long chainId() {
        return chainId;
    }

    private Fees replacementFees(TxRecord original, Fees atLeast) {
        Fees bumped = original.fees().bumpedBy(REPLACEMENT_BUMP_PERCENT);
        return atLeast == null ? bumped : bumped.max(atLeast);
    }

    private TxRecord pendingRecord(String hash) {
        TxRecord record = repository.find(hash).orElseThrow(() -> new IllegalArgumentException("Unknown transaction " + hash));
        if (record.status() != TxStatus.PENDING) {
            throw new IllegalStateException("Transaction " + hash + " is no longer pending (" + record.status() + ")");
        }
        return record;
    }

    private TxRecord broadcast(PreparedTx tx, TxSigner signer, TxKind kind, String replaces) {
        if (!signer.address().equalsIgnoreCase(tx.from())) {
            throw new IllegalArgumentException("The signer's key is for " + signer.address() + ", not " + tx.from());
        }
        String raw = Numeric.toHexString(signer.sign(tx.toRaw(), chainId));
        String hash = rpc.call("eth_sendRawTransaction", raw).asText();
        Instant now = Instant.now();
        TxRecord record = new TxRecord(hash, chainId, tx.from().toLowerCase(), tx.nonce(),
                tx.to() == null ? null : tx.to().toLowerCase(), tx.value(), tx.data(), tx.gasLimit(), tx.fees(), kind,
                replaces, TxStatus.PENDING, null, null, null, raw, now, now);
        repository.insert(record);
        return record;
    }

    private BigInteger estimateGas(String from, String to, BigInteger value, String data) {
        Map<String, String> call = new LinkedHashMap<>();
        call.put("from", from);
        if (to != null) {
            call.put("to", to);
        }
        call.put("value", Hex.quantity(value));
        call.put("data", data);
        try {
            BigInteger estimate = rpc.callQuantity("eth_estimateGas", call);
            // A plain transfer to an account without code needs exactly 21,000; contract calls get headroom.
            return estimate.equals(BigInteger.valueOf(21_000)) ? estimate
                    : estimate.multiply(BigInteger.valueOf(120)).divide(BigInteger.valueOf(100));
        } catch (RpcException e) {
            if (e.isTransport()) {
                throw e;
            }
            String reason = e.data() != null ? RevertReason.describe(e.data()) : e.getMessage();
            throw new TxWouldRevertException(reason, e);
        }
    }
}
