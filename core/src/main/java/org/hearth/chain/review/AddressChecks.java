package org.hearth.chain.review;

import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hearth.chain.Addresses;
import org.hearth.chain.abi.AbiValue;
import org.hearth.chain.tx.PreparedTx;

/**
 * The review's checks on the addresses a transaction involves: first send to a recipient, a
 * recipient or spender that looks like an address in the history but is not it (poisoning), a token
 * sent to its own contract or to a contract, an approval to a spender without code.
 */
final class AddressChecks {

    /** Token transfers and the index of their recipient argument. */
    private static final Map<String, Integer> RECIPIENT = Map.of(
            "transfer(address,uint256)", 0,
            "transferFrom(address,address,uint256)", 1,
            "safeTransferFrom(address,address,uint256)", 1,
            "safeTransferFrom(address,address,uint256,bytes)", 1,
            "safeTransferFrom(address,address,uint256,uint256,bytes)", 1);
    /** Approvals and the index of their spender argument. */
    private static final Map<String, Integer> SPENDER = Map.of(
            "approve(address,uint256)", 0,
            "increaseAllowance(address,uint256)", 0,
            "setApprovalForAll(address,bool)", 0,
            "permit(address,address,uint256,uint256,uint8,bytes32,bytes32)", 1);

    private final TokenProbe probe;
    private final Counterparties parties;

    AddressChecks(TokenProbe probe, Counterparties parties) {
        this.probe = probe;
        this.parties = parties;
    }

    List<ReviewWarning> check(PreparedTx tx, DecodedCall call, TokenInfo target) {
        List<ReviewWarning> out = new java.util.ArrayList<>();
        String recipient = recipient(tx, call, target);
        if (recipient != null && call.isKnown()) {
            if (recipient.equalsIgnoreCase(tx.to())) {
                out.add(ReviewWarning.of(ReviewWarning.TO_TOKEN_CONTRACT, target.symbol()));
            } else if (target.isErc20() && probe.hasCode(recipient)) {
                out.add(ReviewWarning.of(ReviewWarning.RECIPIENT_IS_CONTRACT, Addresses.checksummed(recipient)));
            }
        }
        String spender = grantedSpender(call, target);
        if (spender != null && !probe.hasCode(spender)) {
            out.add(ReviewWarning.of(ReviewWarning.SPENDER_NO_CODE, Addresses.checksummed(spender)));
        }
        if (!parties.available()) {
            return out;
        }
        String from = tx.from().toLowerCase(Locale.ROOT);
        if (recipient != null && !recipient.equalsIgnoreCase(from) && !parties.sentTo(from).contains(recipient.toLowerCase(Locale.ROOT))) {
            out.add(ReviewWarning.of(ReviewWarning.FIRST_SEND, Addresses.checksummed(recipient)));
        }
        Set<String> known = parties.known(from);
        for (String address : involved(tx, call)) {
            known.stream().filter(k -> looksLike(address, k)).findFirst().ifPresent(k ->
                    out.add(ReviewWarning.of(ReviewWarning.LOOK_ALIKE, Addresses.checksummed(address), Addresses.checksummed(k))));
        }
        return out;
    }

    /** Where value goes: the recipient of a plain ether send or of a token transfer; null otherwise. */
    private static String recipient(PreparedTx tx, DecodedCall call, TokenInfo target) {
        if (call.source() == DecodedCall.Source.NONE) {
            return tx.to() != null && tx.value().signum() > 0 ? tx.to() : null;
        }
        Integer index = call.isKnown() && call.argumentsDecoded() && target.standard() != TokenInfo.Standard.NONE
                ? RECIPIENT.get(call.function().signature()) : null;
        return index == null ? null : address(call.arguments().get(index));
    }

    /**
     * The spender of an ERC-20 approval or an operator approval that grants something (revoking, with 0
     * or false, is never warned about; an ERC-721 {@code approve} of one token to a person is ordinary).
     */
    private static String grantedSpender(DecodedCall call, TokenInfo target) {
        Integer index = call.isKnown() && call.argumentsDecoded() ? SPENDER.get(call.function().signature()) : null;
        boolean operator = index != null && call.function().name().equals("setApprovalForAll");
        if (index == null || !(operator || target.isErc20())) {
            return null;
        }
        Object amount = call.arguments().get(index + 1).value();
        boolean grants = amount instanceof BigInteger n ? n.signum() > 0 : !Boolean.FALSE.equals(amount);
        return grants ? address(call.arguments().get(index)) : null;
    }

    /** The target and every address argument, once each. */
    private static Set<String> involved(PreparedTx tx, DecodedCall call) {
        Set<String> out = new LinkedHashSet<>();
        if (tx.to() != null) {
            out.add(tx.to().toLowerCase(Locale.ROOT));
        }
        for (AbiValue v : call.arguments()) {
            String a = address(v);
            if (a != null) {
                out.add(a.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static String address(AbiValue v) {
        return v.type().equals("address") && v.value() instanceof String s && Addresses.isValid(s) ? s : null;
    }

    /** Same first and last 4 hex characters, yet another address: what address poisoning relies on. */
    static boolean looksLike(String a, String b) {
        String x = a.substring(2).toLowerCase(Locale.ROOT);
        String y = b.substring(2).toLowerCase(Locale.ROOT);
        return !x.equals(y) && x.regionMatches(0, y, 0, 4) && x.regionMatches(36, y, 36, 4);
    }
}
