package org.hearth.tokens;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.Multicall3;
import org.hearth.chain.session.ChainSession;
import org.hearth.problem.HearthException;

/**
 * Token balances of one account through {@link Multicall3}: one {@code eth_call} per
 * {@value Multicall3#BATCH} tokens (500 tokens: 2 round trips). A token that reverts, returns nothing
 * (no code) or returns something that is not one number carries its own error; the others are
 * unaffected. Where nothing answers at the Multicall3 address, each token is read with its own {@code eth_call}.
 */
public final class BalanceReader {

    /** Calls per aggregate3 (see {@link Multicall3#BATCH}). */
    public static final int BATCH = Multicall3.BATCH;

    /** Multicall3's address on nearly every EVM chain (deterministic deployment). */
    public static final String CANONICAL_MULTICALL3 = Multicall3.CANONICAL;

    private final Multicall3 multicall;

    public BalanceReader(RpcClient rpc, String multicall) {
        this.multicall = new Multicall3(rpc, multicall);
    }

    /** The session's Multicall3: the demo world's or a registered one, else the canonical address. */
    public static BalanceReader of(ChainSession session) {
        Multicall3 m = Multicall3.of(session);
        return new BalanceReader(session.rpc(), m.address());
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
        List<Multicall3.Result> results;
        try {
            results = multicall.aggregate(tokens.stream().map(t -> new Multicall3.Call(t.address(), balanceOf)).toList());
        } catch (RpcException e) {
            if (e.isTransport()) {
                throw e;
            }
            HearthException failed = new HearthException("tokens.batchFailed", e, e.getMessage());
            return tokens.stream().map(t -> TokenBalance.failed(t, failed)).toList();
        }
        List<TokenBalance> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            out.add(judge(tokens.get(i), results.get(i).success(), results.get(i).data()));
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
}
