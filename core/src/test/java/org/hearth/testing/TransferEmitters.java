package org.hearth.testing;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.chain.ContractArtifact;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * The TransferEmitter contract (resources/contracts) on a test chain: ERC-20 Transfer events in
 * batches, sent from anvil's dev account 0; blocks are mined on {@link #mine()}. Event i of a batch
 * carries value {@code firstValue + i}, so tests can tell every event apart.
 */
public final class TransferEmitters {

    private final RpcClient rpc;
    private final String address;

    private TransferEmitters(RpcClient rpc, String address) {
        this.rpc = rpc;
        this.address = address;
    }

    /** Deploys a new emitter (and mines its block). */
    public static TransferEmitters deploy(RpcClient rpc) {
        String hash = rpc.call("eth_sendTransaction", Map.of("from", ValueForwarders.DEV0,
                "data", ContractArtifact.load("TransferEmitter").bytecode(), "gas", Hex.quantity(1_000_000))).asText();
        rpc.call("evm_mine");
        return new TransferEmitters(rpc, rpc.call("eth_getTransactionReceipt", hash).path("contractAddress").asText());
    }

    public String address() {
        return address;
    }

    /** Sends one transaction emitting {@code count} transfers from → to, without mining. */
    public String emit(String from, String to, int count, long firstValue) {
        String data = FunctionEncoder.encode(new Function("emitTransfers", List.of(new Address(from), new Address(to),
                new Uint256(count), new Uint256(BigInteger.valueOf(firstValue))), List.of()));
        Map<String, String> tx = new LinkedHashMap<>();
        tx.put("from", ValueForwarders.DEV0);
        tx.put("to", address);
        tx.put("data", data);
        tx.put("gas", Hex.quantity(60_000L + 2_500L * count));
        return rpc.call("eth_sendTransaction", tx).asText();
    }

    /** Emits and mines one block with it. */
    public String emitAndMine(String from, String to, int count, long firstValue) {
        String hash = emit(from, to, count, firstValue);
        mine();
        return hash;
    }

    public void mine() {
        rpc.call("evm_mine");
    }
}
