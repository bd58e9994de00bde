package org.hearth.testing;

import java.util.Locale;
import java.util.Map;
import org.hearth.chain.ContractArtifact;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.Abi;

/**
 * The odd tokens of resources/contracts/test/OddTokens.sol on a test chain, deployed from anvil's
 * dev account 0 and mined at once: PlainToken (any name, symbol and decimals), Bytes32Token,
 * NoBoolToken (USDT style), RevertingBalanceToken, FalseReturnToken.
 */
public final class TokenFixtures {

    private final RpcClient rpc;

    public TokenFixtures(RpcClient rpc) {
        this.rpc = rpc;
    }

    public String plain(String name, String symbol, long decimals, String holder, java.math.BigInteger amount) {
        return deploy("PlainToken", Abi.encodeArguments(java.util.List.of("string", "string", "uint256", "address", "uint256"),
                name, symbol, decimals, holder, amount));
    }

    /** name and symbol: ASCII text of at most 32 bytes, stored as bytes32. */
    public String bytes32(String name, String symbol, String holder, java.math.BigInteger amount) {
        return deploy("Bytes32Token", Abi.encodeArguments(java.util.List.of("bytes32", "bytes32", "address", "uint256"),
                word(name), word(symbol), holder, amount));
    }

    public String noBool(String holder, java.math.BigInteger amount) {
        return deploy("NoBoolToken", Abi.encodeArguments(java.util.List.of("address", "uint256"), holder, amount));
    }

    public String falseReturn(String holder, java.math.BigInteger amount) {
        return deploy("FalseReturnToken", Abi.encodeArguments(java.util.List.of("address", "uint256"), holder, amount));
    }

    public String revertingBalance() {
        return deploy("RevertingBalanceToken", "");
    }

    /** A PlainToken (or NoBoolToken) transfer from dev account 0, mined at once. */
    public void transferFromDev0(String token, String to, java.math.BigInteger amount) {
        rpc.call("eth_sendTransaction", Map.of("from", ValueForwarders.DEV0, "to", token,
                "data", Abi.encodeCall("transfer(address,uint256)", to, amount), "gas", Hex.quantity(200_000)));
        rpc.call("evm_mine");
    }

    /** Copies the code at {@code from} to {@code to} (no storage: every balance there is zero). */
    public void copyCode(String from, String to) {
        rpc.call("anvil_setCode", to, rpc.call("eth_getCode", from, "latest").asText());
    }

    private String deploy(String artifact, String arguments) {
        String hash = rpc.call("eth_sendTransaction", Map.of("from", ValueForwarders.DEV0,
                "data", ContractArtifact.load(artifact).bytecode() + arguments, "gas", Hex.quantity(15_000_000))).asText();
        rpc.call("evm_mine");
        return rpc.call("eth_getTransactionReceipt", hash).path("contractAddress").asText().toLowerCase(Locale.ROOT);
    }

    private static byte[] word(String ascii) {
        byte[] w = new byte[32];
        byte[] b = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, w, 0, b.length);
        return w;
    }
}
