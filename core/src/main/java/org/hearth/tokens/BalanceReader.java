package org.hearth.tokens;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.AbiException;
import org.hearth.chain.abi.AbiFunction;
import org.hearth.chain.abi.AbiValue;
import org.hearth.chain.session.ChainSession;
import org.hearth.problem.HearthException;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.utils.Numeric;

/**
 * Token balances of one account through Multicall3 {@code aggregate3}, every {@code balanceOf}
 * with {@code allowFailure}: one {@code eth_call} per {@value #BATCH} tokens (500 tokens: 2 round
 * trips). A token that reverts, returns nothing (no code) or returns something that is not one
 * number carries its own error; the others are unaffected. Where nothing answers at the Multicall3
 * address (a chain without it), each token is read with its own {@code eth_call}.
 */
public final class BalanceReader {

    /** Calls per aggregate3: small enough for a node's eth_call gas cap, large enough for 500 tokens in 2. */
    public static final int BATCH = 300;

    /** Multicall3's address on nearly every EVM chain (deterministic deployment). */
    public static final String CANONICAL_MULTICALL3 = "0xcA11bde05977b3631167028862bE2a173976CA11";

    private static final AbiFunction AGGREGATE3 =
            AbiFunction.parse("aggregate3((address,bool,bytes)[])((bool success,bytes returnData)[])");

    private final RpcClient rpc;
    private final String multicall;

    public BalanceReader(RpcClient rpc, String multicall) {
        this.rpc = rpc;
        this.multicall = multicall;
    }

    /** The session's Multicall3: the demo world's or a registered one, else the canonical address. */
    public static BalanceReader of(ChainSession session) {
        String address = session.contracts().byName("Multicall3").map(c -> c.address()).orElse(CANONICAL_MULTICALL3);
        return new BalanceReader(session.rpc(), address);
    }

    /** Balances of {@code account} for each token, in the order given. */
    public List<TokenBalance> balances(String account, List<Token> tokens) {
        List<TokenBalance> out = new ArrayList<>(tokens.size());
        for (int from = 0; from < tokens.size(); from += BATCH) {
            out.addAll(batch(account, tokens.subList(from, Math.min(tokens.size(), from + BATCH))));
        }
        return out;
    }

    private List<TokenBalance> batch(String account, List<Token> tokens) {
        String balanceOf = Abi.encodeCall("balanceOf(address)", account);
        List<Call3> calls = tokens.stream().map(t -> new Call3(t.address(), balanceOf)).toList();
        String data = Abi.encodeCall(AGGREGATE3.signature(), new DynamicArray<>(Call3.class, calls));
        String result;
        try {
            result = rpc.call("eth_call", Map.of("to", multicall, "data", data), "latest").asText("0x");
        } catch (RpcException e) {
            if (e.isTransport()) {
                throw e;
            }
            HearthException failed = new HearthException("tokens.batchFailed", e, e.getMessage());
            return tokens.stream().map(t -> TokenBalance.failed(t, failed)).toList();
        }
        if (result.equals("0x")) {
            return oneByOne(account, tokens); // no Multicall3 on this chain: one eth_call per token
        }
        List<?> results;
        try {
            results = (List<?>) Abi.decodeReturn(AGGREGATE3, result).getFirst().value();
        } catch (AbiException | java.util.NoSuchElementException e) {
            throw new HearthException("tokens.noMulticall", e, multicall);
        }
        if (results.size() != tokens.size()) {
            throw new HearthException("tokens.noMulticall", null, multicall);
        }
        List<TokenBalance> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            out.add(one(tokens.get(i), (List<?>) results.get(i)));
        }
        return out;
    }

    private static TokenBalance one(Token token, List<?> result) {
        return judge(token, (Boolean) ((AbiValue) result.get(0)).value(),
                Numeric.hexStringToByteArray((String) ((AbiValue) result.get(1)).value()));
    }

    /** Where the chain has no Multicall3 (nothing answers at its address): a separate call per token. */
    private List<TokenBalance> oneByOne(String account, List<Token> tokens) {
        String balanceOf = Abi.encodeCall("balanceOf(address)", account);
        List<TokenBalance> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            try {
                String r = rpc.call("eth_call", Map.of("to", t.address(), "data", balanceOf), "latest").asText("0x");
                out.add(judge(t, true, Numeric.hexStringToByteArray(r)));
            } catch (RpcException e) {
                if (e.isTransport()) {
                    throw e;
                }
                out.add(judge(t, false, new byte[0]));
            }
        }
        return out;
    }

    private static TokenBalance judge(Token token, boolean success, byte[] returned) {
        if (!success) {
            return TokenBalance.failed(token, new HearthException("tokens.balanceReverted", null));
        }
        if (returned.length == 0) {
            return TokenBalance.failed(token, new HearthException("tokens.balanceEmpty", null));
        }
        if (returned.length != 32) {
            return TokenBalance.failed(token, new HearthException("tokens.balanceMalformed", null, returned.length));
        }
        return TokenBalance.ok(token, new BigInteger(1, returned));
    }

    /** Multicall3's {@code Call3}: target, allowFailure, callData. */
    public static final class Call3 extends DynamicStruct {
        public Call3(String target, String callData) {
            super(new Address(target), new Bool(true), new DynamicBytes(Numeric.hexStringToByteArray(callData)));
        }
    }
}
