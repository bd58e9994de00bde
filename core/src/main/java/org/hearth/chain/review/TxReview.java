package org.hearth.chain.review;

import java.util.List;
import org.hearth.chain.tx.PreparedTx;

/**
 * Everything the review screen shows for one prepared transaction, whatever screen made it: the
 * transaction (network, from, to, value, fees), the decoded call and its arguments (token amounts
 * with decimals and symbol), what the target is (its token standard; {@code targetName}: its name in the
 * session's contract registry, "" when unknown), and the warnings.
 */
public record TxReview(PreparedTx tx, DecodedCall call, List<ReviewArgument> arguments, TokenInfo target, String targetName,
                       boolean targetHasCode, List<ReviewWarning> warnings) {

    public TxReview {
        arguments = List.copyOf(arguments);
        warnings = List.copyOf(warnings);
    }

    public boolean hasWarning(String key) {
        return warnings.stream().anyMatch(w -> w.key().equals(key));
    }

    /** True when the transaction only moves ether (no call data, a plain recipient). */
    public boolean isPlainTransfer() {
        return call.source() == DecodedCall.Source.NONE;
    }
}
