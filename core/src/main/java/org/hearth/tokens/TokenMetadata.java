package org.hearth.tokens;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.hearth.chain.abi.AbiException;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.problem.HearthException;
import org.web3j.utils.Numeric;

/**
 * Reads a token's name, symbol and decimals on chain. Old tokens (MKR, SAI) answer name and symbol
 * as {@code bytes32}; both forms are read. A code-less address, a contract without a working
 * {@code decimals()}, or decimals above 255 are refused with a {@link HearthException}.
 */
public final class TokenMetadata {

    public static final int MAX_DECIMALS = 255;

    private final RpcClient rpc;
    private final ContractCalls calls;

    public TokenMetadata(RpcClient rpc) {
        this.rpc = rpc;
        this.calls = new ContractCalls(rpc);
    }

    /** Name, symbol and decimals of the token at {@code address}, as a USER token not hidden. */
    public Token read(long chainId, String address, Token.Source source) {
        if (rpc.call("eth_getCode", address, "latest").asText("0x").length() <= 2) {
            throw new HearthException("tokens.noCode", null, address);
        }
        BigInteger decimals;
        try {
            decimals = (BigInteger) calls.readOne(address, "decimals()(uint256)");
        } catch (AbiException | RpcException e) {
            rethrowTransport(e);
            throw new HearthException("tokens.notToken", e, address);
        }
        if (decimals.compareTo(BigInteger.valueOf(MAX_DECIMALS)) > 0) {
            throw new HearthException("tokens.badDecimals", null, address, decimals);
        }
        return new Token(chainId, address, TokenText.name(text(address, "name")), TokenText.symbol(text(address, "symbol")),
                decimals.intValueExact(), source, false);
    }

    /** {@code name()} or {@code symbol()} as a string or as bytes32 (trailing zero bytes dropped); "" when neither works. */
    private String text(String address, String function) {
        try {
            return (String) calls.readOne(address, function + "()(string)");
        } catch (AbiException | RpcException e) {
            rethrowTransport(e);
        }
        try {
            byte[] raw = Numeric.hexStringToByteArray((String) calls.readOne(address, function + "()(bytes32)"));
            int end = raw.length;
            while (end > 0 && raw[end - 1] == 0) {
                end--;
            }
            return new String(raw, 0, end, StandardCharsets.UTF_8);
        } catch (AbiException | RpcException e) {
            rethrowTransport(e);
            return "";
        }
    }

    private static void rethrowTransport(RuntimeException e) {
        if (e instanceof RpcException r && r.isTransport()) {
            throw r;
        }
    }
}
