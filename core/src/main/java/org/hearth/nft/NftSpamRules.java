package org.hearth.nft;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.hearth.chain.RpcClient;
import org.hearth.problem.HearthException;
import org.hearth.tokens.SpamRules;

/**
 * Spam rules for NFTs, in this order:
 * <ol>
 * <li>what the account minted or bought itself (a token of the collection arrived in a transaction the
 *     account sent, or it was the 1155 operator, or it sent a token of the collection away) is never spam;</li>
 * <li>a token or collection name with a link or claim/airdrop wording is spam (the tokens' wording rules);</li>
 * <li>an unsolicited airdrop is spam: every arrival was in a transaction someone else sent, from a
 *     collection the account never interacted with, unless the collection is a contract the session
 *     knows (the demo world's registry or one the user added). The demo world mints to dev accounts from
 *     its deployer, which looks exactly like an airdrop: a known contract is the user's (or the demo's)
 *     own choice, so it is trusted.</li>
 * </ol>
 * One instance per listing: it remembers each transaction's sender it looked up.
 */
public final class NftSpamRules {

    public static final String AIRDROP = "nft.spam.airdrop";

    private final RpcClient rpc;
    private final NftTransfers transfers;
    private final Predicate<String> knownContract;
    private final long chainId;
    private final Map<String, Optional<String>> senders = new HashMap<>();
    private final Map<String, Boolean> interacted = new HashMap<>();
    private final Map<String, Boolean> known = new HashMap<>();

    /** {@code knownContract}: whether the session's contract registry knows an address (e.g. {@code a -> contracts().byAddress(a).isPresent()}). */
    public NftSpamRules(RpcClient rpc, NftTransfers transfers, Predicate<String> knownContract, long chainId) {
        this.rpc = rpc;
        this.transfers = transfers;
        this.knownContract = knownContract;
        this.chainId = chainId;
    }

    /** The problem key saying why {@code nft} is spam for {@code account}, or empty; {@code tokenName} may be null. */
    public Optional<String> reason(String account, OwnedNft nft, String tokenName) {
        String me = account.toLowerCase(Locale.ROOT);
        if (interacted.computeIfAbsent(me + nft.contract(), k -> interacted(me, nft.contract()))) {
            return Optional.empty();
        }
        Optional<String> wording = SpamRules.textReason(String.join(" ", nonNull(nft.collection()), nonNull(tokenName)));
        if (wording.isPresent()) {
            return wording;
        }
        return known.computeIfAbsent(nft.contract(), knownContract::test) ? Optional.empty() : Optional.of(AIRDROP);
    }

    /** The account sent a transaction that brought it tokens of the collection, or sent one of them away. */
    private boolean interacted(String me, String contract) {
        if (transfers.sentAny(chainId, me, contract)) {
            return true;
        }
        for (NftTransfers.Arrival a : transfers.arrivals(chainId, me, contract)) {
            if (me.equals(a.operator()) || sender(a.txHash()).filter(me::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private Optional<String> sender(String txHash) {
        return senders.computeIfAbsent(txHash, h -> {
            try {
                JsonNode tx = rpc.call("eth_getTransactionByHash", h);
                return tx == null || tx.isNull() ? Optional.empty() : Optional.of(tx.path("from").asText().toLowerCase(Locale.ROOT));
            } catch (HearthException e) {
                return Optional.empty(); // unknown sender: not proof of an interaction
            }
        });
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
