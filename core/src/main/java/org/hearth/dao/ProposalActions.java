package org.hearth.dao;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.chain.Addresses;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.hearth.chain.abi.AbiException;
import org.hearth.chain.abi.AbiValue;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.review.CallDecoder;
import org.hearth.chain.review.DecodedCall;
import org.hearth.chain.review.ReviewWarning;
import org.hearth.chain.session.ContractRegistry;
import org.hearth.chain.session.KnownContract;

/**
 * Puts a proposal's targets, values and calldatas into words with the review's {@link CallDecoder}
 * and the session's contract registry: token transfers from the treasury, parameter changes on the
 * governor, timelock or market, plain ether transfers; unknown data raw with a warning; flags for
 * calls to addresses without code, for ether leaving the treasury, for look-alike addresses, and for
 * upgrade or {@code delegatecall} patterns and EIP-1967 proxies ({@link UpgradeChecks}).
 */
public final class ProposalActions {

    private static final int MAX_SYMBOL = 16;

    private final RpcClient rpc;
    private final CallDecoder decoder;
    private final ContractRegistry registry;
    private final ContractCalls calls;
    private final UpgradeChecks upgrades;

    public ProposalActions(RpcClient rpc, CallDecoder decoder, ContractRegistry registry) {
        this.rpc = rpc;
        this.decoder = decoder;
        this.registry = registry;
        this.calls = new ContractCalls(rpc);
        this.upgrades = new UpgradeChecks(rpc);
    }

    public List<ProposalAction> describe(StoredProposal p) {
        List<ProposalAction> out = new ArrayList<>();
        for (int i = 0; i < p.targets().size(); i++) {
            out.add(describe(i, p.targets().get(i), p.values().get(i), p.calldatas().get(i)));
        }
        return out;
    }

    /** A draft's actions in words, before it is proposed. */
    public List<ProposalAction> describe(List<ActionsFile.Action> draft) {
        List<ProposalAction> out = new ArrayList<>();
        for (int i = 0; i < draft.size(); i++) {
            out.add(describe(i, draft.get(i).target(), draft.get(i).value(), draft.get(i).calldata()));
        }
        return out;
    }

    ProposalAction describe(int index, String rawTarget, BigInteger value, String data) {
        String target = Addresses.checksummed(rawTarget);
        Optional<KnownContract> known = registry.byAddress(target);
        String name = known.map(KnownContract::name).orElse(null);
        DecodedCall call = decoder.decode(data, known.map(KnownContract::artifactName).orElse(null));
        boolean hasCode = rpc.call("eth_getCode", target, "latest").asText("0x").length() > 2;
        List<ReviewWarning> warnings = new ArrayList<>();
        if (value.signum() > 0) {
            warnings.add(ReviewWarning.of(ProposalAction.ETH_LEAVES_TREASURY, value.toString(), target));
        }
        if (!hasCode && call.source() != DecodedCall.Source.NONE) {
            warnings.add(ReviewWarning.of(ReviewWarning.NO_CODE, target));
        }
        lookAlikes(target, call, warnings);
        warnings.addAll(upgrades.check(target, hasCode, data, call.isKnown() ? call.function().name() : null));
        String shown = name != null ? name : target;
        if (call.source() == DecodedCall.Source.NONE) {
            return new ProposalAction(index, target, name, value, call, ProposalAction.ETH_TRANSFER, List.of(value.toString(), target), warnings);
        }
        if (call.source() == DecodedCall.Source.UNKNOWN) {
            warnings.add(ReviewWarning.of(ReviewWarning.UNKNOWN_CALL, call.selector()));
            return new ProposalAction(index, target, name, value, call, ProposalAction.RAW,
                    List.of(shown, call.selector(), Integer.toString((call.data().length() - 2) / 2)), warnings);
        }
        if (!call.argumentsDecoded()) {
            warnings.add(ReviewWarning.of(ReviewWarning.ARGUMENTS_NOT_DECODED, call.function().signature()));
            return new ProposalAction(index, target, name, value, call, ProposalAction.CALL, List.of(shown, call.function().signature()), warnings);
        }
        String signature = call.function().signature();
        if (signature.equals("transfer(address,uint256)") && hasCode) {
            Erc20 token = erc20(target);
            if (token != null) {
                List<AbiValue> a = call.arguments();
                return new ProposalAction(index, target, name, value, call, ProposalAction.TOKEN_TRANSFER,
                        List.of(a.get(1).value().toString(), Integer.toString(token.decimals()), token.symbol(), (String) a.get(0).value()), warnings);
            }
        }
        if (known.isPresent() && isSetter(call.function().name())) {
            String values = String.join(", ", call.arguments().stream().map(AbiValue::text).toList());
            return new ProposalAction(index, target, name, value, call, ProposalAction.PARAMETER_CHANGE,
                    List.of(name, call.function().name(), values), warnings);
        }
        return new ProposalAction(index, target, name, value, call, ProposalAction.CALL, List.of(shown, call.text()), warnings);
    }

    /** The target and every address argument, checked against the registry's contracts for a look-alike (poisoning). */
    private void lookAlikes(String target, DecodedCall call, List<ReviewWarning> warnings) {
        List<String> addresses = new ArrayList<>(List.of(target));
        for (AbiValue a : call.arguments()) {
            if (a.type().equals("address") && a.value() instanceof String s) {
                addresses.add(s);
            }
        }
        List<KnownContract> known = registry.all();
        for (String address : addresses) {
            String bare = address.substring(2).toLowerCase(java.util.Locale.ROOT);
            for (KnownContract k : known) {
                String other = k.address().substring(2).toLowerCase(java.util.Locale.ROOT);
                if (!other.equals(bare) && other.substring(0, 4).equals(bare.substring(0, 4)) && other.substring(36).equals(bare.substring(36))) {
                    warnings.add(ReviewWarning.of(ProposalAction.LOOK_ALIKE, Addresses.checksummed(address), k.name(), k.address()));
                }
            }
        }
    }

    /** Setters of OpenZeppelin governors and timelocks, and the market's {@code set...} parameters. */
    private static boolean isSetter(String function) {
        return function.startsWith("set") || function.startsWith("update") || function.equals("relay");
    }

    private record Erc20(int decimals, String symbol) {
    }

    /** The token's decimals and symbol, or null when the target does not answer as an ERC-20. */
    private Erc20 erc20(String token) {
        try {
            int decimals = ((BigInteger) calls.readOne(token, "decimals()(uint8)")).intValueExact();
            String symbol = ((String) calls.readOne(token, "symbol()(string)")).replaceAll("\\p{C}", "").strip();
            return new Erc20(decimals, symbol.length() > MAX_SYMBOL ? symbol.substring(0, MAX_SYMBOL) : symbol);
        } catch (RpcException | AbiException | ArithmeticException | ClassCastException e) {
            return null;
        }
    }
}
