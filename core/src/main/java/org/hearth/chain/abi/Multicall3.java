package org.hearth.chain.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.hearth.chain.session.ChainSession;
import org.hearth.problem.HearthException;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.utils.Numeric;

/**
 * Many read-only calls through Multicall3 {@code aggregate3}, each with {@code allowFailure}: one
 * {@code eth_call} per {@value #BATCH} calls. A call that reverts carries {@code success = false}; the
 * others are unaffected. Where nothing answers at the Multicall3 address (a chain without it: the
 * aggregate returns no bytes) each call goes as its own {@code eth_call}, and later batches skip the probe.
 */
public final class Multicall3 {

    /** Calls per aggregate3: small enough for a node's eth_call gas cap, large enough for 500 calls in 2. */
    public static final int BATCH = 300;

    /** Multicall3's address on nearly every EVM chain (deterministic deployment). */
    public static final String CANONICAL = "0xcA11bde05977b3631167028862bE2a173976CA11";

    /** Calls in flight at once where there is no Multicall3 to batch them. */
    static final int PARALLEL = 16;

    private static final AbiFunction AGGREGATE3 =
            AbiFunction.parse("aggregate3((address,bool,bytes)[])((bool success,bytes returnData)[])");

    /** One call: the contract and its encoded call data. */
    public record Call(String target, String data) {
    }

    /** What one call gave: whether it succeeded and the bytes it returned (empty where it reverted or the target has no code). */
    public record Result(boolean success, byte[] data) {

        /** The outputs of {@code f} decoded from the returned bytes; throws {@link AbiException} where they do not decode. */
        public List<AbiValue> decode(AbiFunction f) {
            return Abi.decodeReturn(f, Numeric.toHexString(data));
        }
    }

    private final RpcClient rpc;
    private final String address;
    private volatile boolean absent;

    public Multicall3(RpcClient rpc, String address) {
        this.rpc = rpc;
        this.address = address;
    }

    /** The session's Multicall3: the demo world's or a registered one, else the canonical address. */
    public static Multicall3 of(ChainSession session) {
        return new Multicall3(session.rpc(), session.contracts().byName("Multicall3").map(c -> c.address()).orElse(CANONICAL));
    }

    public String address() {
        return address;
    }

    /** Whether a batch found no Multicall3 at {@link #address()} (calls then go one by one). */
    public boolean absent() {
        return absent;
    }

    /**
     * Every call, in order, {@value #BATCH} per round trip. A batch the node refuses as a whole (not a
     * transport failure) comes back as failed results; a transport failure throws.
     */
    public List<Result> callAll(List<Call> calls) {
        List<Result> out = new ArrayList<>(calls.size());
        for (int from = 0; from < calls.size(); from += BATCH) {
            List<Call> batch = calls.subList(from, Math.min(calls.size(), from + BATCH));
            try {
                out.addAll(aggregate(batch));
            } catch (RpcException e) {
                if (e.isTransport()) {
                    throw e;
                }
                batch.forEach(c -> out.add(new Result(false, new byte[0])));
            }
        }
        return out;
    }

    /**
     * One batch as one {@code aggregate3} (or one by one where Multicall3 is absent). Throws the node's
     * {@link RpcException} where it refuses the whole aggregate, so a caller can say why.
     */
    public List<Result> aggregate(List<Call> calls) {
        if (calls.isEmpty()) {
            return List.of();
        }
        if (absent) {
            return oneByOne(calls);
        }
        String data = Abi.encodeCall(AGGREGATE3.signature(),
                new DynamicArray<>(Call3.class, calls.stream().map(c -> new Call3(c.target(), c.data())).toList()));
        String result = rpc.call("eth_call", Map.of("to", address, "data", data), "latest").asText("0x");
        if (result.equals("0x")) {
            absent = true; // no code at the address: this chain has no Multicall3
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
        List<Result> out = new ArrayList<>(calls.size());
        for (Object r : results) {
            List<?> pair = (List<?>) r;
            out.add(new Result((Boolean) ((AbiValue) pair.get(0)).value(),
                    Numeric.hexStringToByteArray((String) ((AbiValue) pair.get(1)).value())));
        }
        return out;
    }

    /**
     * Where the chain has no Multicall3: a separate {@code eth_call} per call, {@value #PARALLEL} in flight,
     * a revert as a failed result; a transport failure throws.
     */
    private List<Result> oneByOne(List<Call> calls) {
        Semaphore permits = new Semaphore(PARALLEL);
        List<Future<Result>> futures = new ArrayList<>(calls.size());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Call c : calls) {
                futures.add(pool.submit(() -> {
                    permits.acquire();
                    try {
                        return one(c);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<Result> out = new ArrayList<>(calls.size());
            for (Future<Result> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading one call at a time", e);
                }
            }
            return out;
        }
    }

    private Result one(Call c) {
        try {
            String r = rpc.call("eth_call", Map.of("to", c.target(), "data", c.data()), "latest").asText("0x");
            return new Result(true, Numeric.hexStringToByteArray(r));
        } catch (RpcException e) {
            if (e.isTransport()) {
                throw e;
            }
            return new Result(false, new byte[0]);
        }
    }

    /** Multicall3's {@code Call3}: target, allowFailure, callData. */
    public static final class Call3 extends DynamicStruct {
        public Call3(String target, String callData) {
            super(new Address(target), new Bool(true), new DynamicBytes(Numeric.hexStringToByteArray(callData)));
        }
    }
}
