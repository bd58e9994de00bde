package org.hearth.chain.review;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.AbiValue;
import org.hearth.chain.session.KnownContract;
import org.hearth.chain.tx.PreparedTx;

/**
 * Builds the {@link TxReview} of a prepared transaction: decodes its data, reads what the target is
 * (code, token standard, an ERC-20's decimals and symbol) and marks token amounts, and adds the
 * warnings: unknown call, call to an address without code, unlimited approval, and the address checks
 * of {@link AddressChecks} (first send, look-alike, token to its own contract or to a contract, spender without code).
 * Blocking: a few {@code eth_call}s; run it off the UI thread.
 */
public final class TxReviewer {

    /** ERC-20 functions whose argument at the given index is an amount of the token called. */
    private static final Map<String, Integer> ERC20_AMOUNT_ARGUMENT = Map.ofEntries(
            Map.entry("transfer(address,uint256)", 1),
            Map.entry("approve(address,uint256)", 1),
            Map.entry("transferFrom(address,address,uint256)", 2),
            Map.entry("increaseAllowance(address,uint256)", 1),
            Map.entry("decreaseAllowance(address,uint256)", 1),
            Map.entry("burn(uint256)", 0),
            Map.entry("burnFrom(address,uint256)", 1),
            Map.entry("mint(address,uint256)", 1),
            Map.entry("permit(address,address,uint256,uint256,uint8,bytes32,bytes32)", 2),
            Map.entry("transferAndCall(address,uint256,bytes)", 1),
            Map.entry("approveAndCall(address,uint256,bytes)", 1));
    private static final List<String> APPROVALS = List.of("approve(address,uint256)", "increaseAllowance(address,uint256)",
            "permit(address,address,uint256,uint256,uint8,bytes32,bytes32)", "approveAndCall(address,uint256,bytes)");

    private final TokenProbe probe;
    private final Supplier<CallDecoder> decoders;
    private final Function<String, Optional<KnownContract>> knownContracts;
    private final AddressChecks addressChecks;
    private CallDecoder decoder;

    public TxReviewer(RpcClient rpc, CallDecoder decoder) {
        this(rpc, () -> decoder, address -> Optional.empty());
    }

    /**
     * {@code decoders}: asked once, at the first review (so a screen can build its reviewer on the UI
     * thread without loading every ABI there); {@code knownContracts}: the session's registry
     * ({@code session.contracts()::byAddress}), which names the target and says which shipped ABI it has.
     */
    public TxReviewer(RpcClient rpc, Supplier<CallDecoder> decoders, Function<String, Optional<KnownContract>> knownContracts) {
        this(rpc, decoders, knownContracts, Counterparties.NONE);
    }

    /** {@code parties}: the account's history, for the first-send and look-alike warnings. */
    public TxReviewer(RpcClient rpc, Supplier<CallDecoder> decoders, Function<String, Optional<KnownContract>> knownContracts,
                      Counterparties parties) {
        this.probe = new TokenProbe(rpc);
        this.decoders = decoders;
        this.knownContracts = knownContracts;
        this.addressChecks = new AddressChecks(probe, parties);
    }

    private synchronized CallDecoder decoder() {
        if (decoder == null) {
            decoder = decoders.get();
        }
        return decoder;
    }

    public TxReview review(PreparedTx tx) {
        boolean hasData = tx.data() != null && tx.data().length() > 2;
        boolean creation = tx.to() == null;
        boolean hasCode = !creation && probe.hasCode(tx.to());
        TokenInfo target = hasData && hasCode ? probe.probe(tx.to()) : TokenInfo.NONE;
        Optional<KnownContract> known = creation ? Optional.empty() : knownContracts.apply(tx.to());
        String abi = known.map(KnownContract::artifactName).orElse(preferredAbi(target));
        DecodedCall call = creation ? new DecodedCall(DecodedCall.Source.NONE, null, null, List.of(), true, tx.data())
                : decoder().decode(tx.data(), abi);
        List<ReviewArgument> arguments = arguments(call, target);
        List<ReviewWarning> warnings = new ArrayList<>();
        if (hasData && !creation && !call.isKnown()) {
            warnings.add(ReviewWarning.of(ReviewWarning.UNKNOWN_CALL, call.selector()));
        }
        if (call.isKnown() && !call.argumentsDecoded()) {
            warnings.add(ReviewWarning.of(ReviewWarning.ARGUMENTS_NOT_DECODED, call.function().signature()));
        }
        if (hasData && !creation && !hasCode) {
            warnings.add(ReviewWarning.of(ReviewWarning.NO_CODE, tx.to()));
        }
        if (call.isKnown() && APPROVALS.contains(call.function().signature())) {
            arguments.stream().filter(a -> a.tokenAmount() != null && a.tokenAmount().isUnlimited()).findFirst().ifPresent(a ->
                    warnings.add(ReviewWarning.of(ReviewWarning.UNLIMITED_APPROVAL, target.symbol(), spender(call))));
        }
        if (!creation) {
            warnings.addAll(addressChecks.check(tx, call, target));
        }
        return new TxReview(tx, call, arguments, target, known.map(KnownContract::name).orElse(""), hasCode, warnings);
    }

    private static String preferredAbi(TokenInfo target) {
        return switch (target.standard()) {
            case ERC721 -> CallDecoder.ERC721_ABI;
            case ERC1155 -> CallDecoder.ERC1155_ABI;
            default -> null;
        };
    }

    private List<ReviewArgument> arguments(DecodedCall call, TokenInfo target) {
        Integer amountIndex = call.isKnown() && target.isErc20() ? ERC20_AMOUNT_ARGUMENT.get(call.function().signature()) : null;
        List<ReviewArgument> out = new ArrayList<>();
        List<AbiValue> args = call.arguments();
        for (int i = 0; i < args.size(); i++) {
            AbiValue v = args.get(i);
            TokenAmount amount = amountIndex != null && amountIndex == i && v.value() instanceof BigInteger units
                    ? new TokenAmount(units, target.decimals(), target.symbol()) : null;
            out.add(new ReviewArgument(v.name(), v.type(), v.value(), amount, innerCalls(v)));
        }
        return out;
    }

    /** Known calls inside a {@code bytes} or {@code bytes[]} argument (one level deep; unknown data is left out). */
    private List<DecodedCall> innerCalls(AbiValue v) {
        List<?> candidates = switch (v.type()) {
            case "bytes" -> List.of(v.value());
            case "bytes[]" -> (List<?>) v.value();
            default -> List.of();
        };
        return candidates.stream().filter(c -> c instanceof String s && s.length() >= 10)
                .map(c -> decoder().decode((String) c)).filter(DecodedCall::isKnown).toList();
    }

    /** The first address argument of an approval (owner comes first only in permit, whose spender is second). */
    private static String spender(DecodedCall call) {
        int index = call.function().name().equals("permit") ? 1 : 0;
        return String.valueOf(call.arguments().get(index).value());
    }
}
