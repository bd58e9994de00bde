package org.hearth.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.Abi;

/**
 * Transactions from anvil's unlocked dev accounts, mined at once (tests run anvil with a long block
 * interval), and anvil's clock controls. For setting up chain state in tests, not for code under test.
 */
public final class DevTx {

    /** anvil's first six dev accounts. */
    public static final String[] ACCOUNTS = {
        "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
        "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
        "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65", "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
    };

    private final RpcClient rpc;

    public DevTx(RpcClient rpc) {
        this.rpc = rpc;
    }

    /** Calls {@code signature} with {@code args} from {@code from}; fails the test when it reverts. Returns the receipt. */
    public JsonNode call(String from, String to, String signature, Object... args) {
        return send(from, to, BigInteger.ZERO, Abi.encodeCall(signature, args));
    }

    public JsonNode send(String from, String to, BigInteger value, String data) {
        Map<String, String> tx = new LinkedHashMap<>();
        tx.put("from", from);
        if (to != null) {
            tx.put("to", to);
        }
        tx.put("value", Hex.quantity(value));
        if (data != null) {
            tx.put("data", data);
        }
        BigInteger estimate = rpc.callQuantity("eth_estimateGas", tx);
        tx.put("gas", Hex.quantity(estimate.multiply(BigInteger.TWO).add(BigInteger.valueOf(50_000))));
        String hash = rpc.call("eth_sendTransaction", tx).asText();
        rpc.call("evm_mine");
        for (int i = 0; i < 200; i++) {
            JsonNode receipt = rpc.call("eth_getTransactionReceipt", hash);
            if (receipt != null && !receipt.isNull()) {
                if (!"0x1".equals(receipt.path("status").asText())) {
                    throw new AssertionError("transaction " + hash + " reverted");
                }
                return receipt;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
        throw new AssertionError("no receipt for " + hash);
    }

    /** Deploys {@code bytecode} with encoded constructor arguments; returns the contract address. */
    public String deploy(String from, String bytecode, java.util.List<String> types, Object... args) {
        return send(from, null, BigInteger.ZERO, bytecode + Abi.encodeArguments(types, args)).path("contractAddress").asText();
    }

    public void mine(long blocks) {
        rpc.call("anvil_mine", Hex.quantity(blocks));
    }

    public void increaseTime(long seconds) {
        rpc.call("evm_increaseTime", Hex.quantity(seconds));
    }
}
