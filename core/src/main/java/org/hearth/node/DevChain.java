package org.hearth.node;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.ContractCalls;

/**
 * Bootstrapping helpers for a local anvil chain only: transactions from anvil's unlocked dev
 * accounts ({@code eth_sendTransaction}), impersonation and block mining. User transactions never
 * come through here; they go through the wallet's signing pipeline.
 */
final class DevChain {

    private final RpcClient rpc;

    DevChain(RpcClient rpc) {
        this.rpc = rpc;
    }

    RpcClient rpc() {
        return rpc;
    }

    List<String> accounts() {
        JsonNode accounts = rpc.call("eth_accounts");
        if (!accounts.isArray() || accounts.isEmpty()) {
            throw new NodeException("The local node has no unlocked dev accounts to deploy the demo world from.");
        }
        return java.util.stream.StreamSupport.stream(accounts.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** Deploys with constructor arguments of the given Solidity types and returns the new contract's address. */
    String deploy(String from, String bytecode, List<String> constructorTypes, Object... constructorArgs) {
        String data = bytecode + Abi.encodeArguments(constructorTypes, constructorArgs);
        JsonNode receipt = send(from, null, BigInteger.ZERO, data);
        String address = receipt.path("contractAddress").asText(null);
        if (address == null || address.equals("null")) {
            throw new NodeException("Deployment receipt has no contract address");
        }
        return address;
    }

    /** Sends a call of {@code signature} (e.g. {@code "transfer(address,uint256)"}) from a dev account. */
    JsonNode call(String from, String to, String signature, Object... args) {
        return send(from, to, BigInteger.ZERO, Abi.encodeCall(signature, args));
    }

    /** Sends, mines a block at once (no waiting for the interval) and returns the successful receipt. */
    JsonNode send(String from, String to, BigInteger value, String data) {
        Map<String, String> tx = new LinkedHashMap<>();
        tx.put("from", from);
        if (to != null) {
            tx.put("to", to);
        }
        tx.put("value", Hex.quantity(value));
        if (data != null) {
            tx.put("data", data);
        }
        // Headroom over the estimate: it runs against the latest block, and a vote checkpoint written in
        // a new block costs more than updating one in the same block.
        BigInteger estimate = rpc.callQuantity("eth_estimateGas", tx);
        tx.put("gas", Hex.quantity(estimate.multiply(BigInteger.valueOf(13)).divide(BigInteger.TEN).add(BigInteger.valueOf(50_000))));
        String hash = rpc.call("eth_sendTransaction", tx).asText();
        rpc.call("evm_mine");
        JsonNode receipt = awaitReceipt(hash);
        if (!"0x1".equals(receipt.path("status").asText())) {
            throw new NodeException("Demo transaction " + hash + " to " + (to == null ? "(new contract)" : to)
                    + " reverted (gas used " + receipt.path("gasUsed").asText() + " of "
                    + rpc.call("eth_getTransactionByHash", hash).path("gas").asText() + "): "
                    + revertReason(tx, receipt.path("blockNumber").asText("latest")));
        }
        return receipt;
    }

    /** Replays a failed transaction as a call to learn why it reverted. */
    private String revertReason(Map<String, String> tx, String block) {
        try {
            rpc.call("eth_call", tx, block);
            return "no reason given";
        } catch (org.hearth.chain.RpcException e) {
            return e.getMessage() + (e.data() == null ? "" : " data " + e.data());
        }
    }

    /** anvil hands back the hash before the block is mined: poll for the receipt. */
    private JsonNode awaitReceipt(String hash) {
        for (int i = 0; i < 200; i++) {
            JsonNode receipt = rpc.call("eth_getTransactionReceipt", hash);
            if (receipt != null && !receipt.isNull()) {
                return receipt;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NodeException("Interrupted while waiting for " + hash);
            }
        }
        throw new NodeException("No receipt for demo transaction " + hash + " after 5 s");
    }

    /** A view function's one {@code uint256} output, e.g. {@code readUint(token, "balanceOf(address)", owner)}. */
    BigInteger readUint(String to, String signature, Object... args) {
        return (BigInteger) new ContractCalls(rpc).readOne(to, signature + "(uint256)", args);
    }

    boolean hasCode(String address) {
        String code = rpc.call("eth_getCode", address, "latest").asText("0x");
        return code.length() > 2;
    }

    String genesisHash() {
        JsonNode block = rpc.call("eth_getBlockByNumber", "0x0", false);
        String hash = block.path("hash").asText(null);
        if (hash == null) {
            throw new NodeException("The node did not return its genesis block");
        }
        return hash;
    }

    void mine(long blocks) {
        rpc.call("anvil_mine", Hex.quantity(blocks));
    }

    void increaseTime(long seconds) {
        rpc.call("evm_increaseTime", Hex.quantity(seconds));
    }

    void impersonate(String address, boolean on) {
        rpc.call(on ? "anvil_impersonateAccount" : "anvil_stopImpersonatingAccount", address);
    }

    /** True when the node is anvil (demo cheats such as impersonation exist only there). */
    boolean isAnvil() {
        try {
            return rpc.call("web3_clientVersion").asText("").toLowerCase().contains("anvil");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
