package org.hearth.tokens;

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
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.utils.Numeric;

/**
 * Any read-only calls through Multicall3 {@code aggregate3} with {@code allowFailure}, {@value
 * BalanceReader#BATCH} per {@code eth_call}: each answer is its own (null where that call reverted),
 * so one broken contract never hides the others. Where nothing answers at the Multicall3 address,
 * each call is made on its own.
 */
public final class Multicall3 {

    /** One call: the contract and its encoded call data. */
    public record Call(String target, String data) {
    }

    private static final AbiFunction AGGREGATE3 =
            AbiFunction.parse("aggregate3((address,bool,bytes)[])((bool success,bytes returnData)[])");

    private final RpcClient rpc;
    private final String address;

    public Multicall3(RpcClient rpc, String address) {
        this.rpc = rpc;
        this.address = address;
    }

    /** The session's Multicall3: the demo world's or a registered one, else the canonical address. */
    public static Multicall3 of(ChainSession session) {
        return new Multicall3(session.rpc(),
                session.contracts().byName("Multicall3").map(c -> c.address()).orElse(BalanceReader.CANONICAL_MULTICALL3));
    }

    /** What each call returned, in order; null where it reverted. */
    public List<byte[]> call(List<Call> calls) {
        List<byte[]> out = new ArrayList<>(calls.size());
        for (int from = 0; from < calls.size(); from += BalanceReader.BATCH) {
            out.addAll(batch(calls.subList(from, Math.min(calls.size(), from + BalanceReader.BATCH))));
        }
        return out;
    }

    private List<byte[]> batch(List<Call> calls) {
        List<BalanceReader.Call3> encoded = calls.stream().map(c -> new BalanceReader.Call3(c.target(), c.data())).toList();
        String data = Abi.encodeCall(AGGREGATE3.signature(), new DynamicArray<>(BalanceReader.Call3.class, encoded));
        String result = rpc.call("eth_call", Map.of("to", address, "data", data), "latest").asText("0x");
        if (result.equals("0x")) {
            return oneByOne(calls);
        }
        List<?> results;
        try {
            results = (List<?>) Abi.decodeReturn(AGGREGATE3, result).getFirst().value();
        } catch (AbiException | java.util.NoSuchElementException e) {
            throw new HearthException("tokens.noMulticall", e, address);
        }
        if (results.size() != calls.size()) {
            throw new HearthException("tokens.noMulticall", null, address);
        }
        List<byte[]> out = new ArrayList<>(calls.size());
        for (Object r : results) {
            List<?> pair = (List<?>) r;
            boolean ok = (Boolean) ((AbiValue) pair.get(0)).value();
            out.add(ok ? Numeric.hexStringToByteArray((String) ((AbiValue) pair.get(1)).value()) : null);
        }
        return out;
    }

    private List<byte[]> oneByOne(List<Call> calls) {
        List<byte[]> out = new ArrayList<>(calls.size());
        for (Call c : calls) {
            try {
                out.add(Numeric.hexStringToByteArray(rpc.call("eth_call", Map.of("to", c.target(), "data", c.data()), "latest").asText("0x")));
            } catch (RpcException e) {
                if (e.isTransport()) {
                    throw e;
                }
                out.add(null);
            }
        }
        return out;
    }
}
