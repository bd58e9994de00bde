package org.hearth.chain.review;

import java.nio.charset.StandardCharsets;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.hearth.chain.abi.AbiException;
import org.hearth.chain.abi.ContractCalls;
import org.web3j.utils.Numeric;

/**
 * Asks a contract what token it is: ERC-165 for ERC-721 and ERC-1155; {@code decimals()} and
 * {@code symbol()} for ERC-20, including tokens that answer the symbol as {@code bytes32}. A
 * contract that reverts or answers nonsense is simply not a token.
 */
final class TokenProbe {

    private static final String ERC721_INTERFACE = "0x80ac58cd";
    private static final String ERC1155_INTERFACE = "0xd9b67a26";
    static final int MAX_SYMBOL = 16;

    private final RpcClient rpc;
    private final ContractCalls calls;

    TokenProbe(RpcClient rpc) {
        this.rpc = rpc;
        this.calls = new ContractCalls(rpc);
    }

    TokenInfo probe(String address) {
        if (supports(address, ERC721_INTERFACE)) {
            return new TokenInfo(TokenInfo.Standard.ERC721, symbol(address), 0);
        }
        if (supports(address, ERC1155_INTERFACE)) {
            return new TokenInfo(TokenInfo.Standard.ERC1155, "", 0);
        }
        Integer decimals = decimals(address);
        return decimals == null ? TokenInfo.NONE : new TokenInfo(TokenInfo.Standard.ERC20, symbol(address), decimals);
    }

    private boolean supports(String address, String interfaceId) {
        try {
            return Boolean.TRUE.equals(calls.readOne(address, "supportsInterface(bytes4)(bool)", interfaceId));
        } catch (AbiException | RpcException e) {
            if (e instanceof RpcException r && r.isTransport()) {
                throw r;
            }
            return false;
        }
    }

    /** 0 to 255, or null when the contract has no working {@code decimals()}. */
    private Integer decimals(String address) {
        try {
            Object v = calls.readOne(address, "decimals()(uint8)");
            return ((java.math.BigInteger) v).intValueExact();
        } catch (AbiException | ArithmeticException | RpcException e) {
            if (e instanceof RpcException r && r.isTransport()) {
                throw r;
            }
            return null;
        }
    }

    /** The symbol as a string or, for old tokens, as bytes32; "" when neither works. */
    private String symbol(String address) {
        try {
            return clean((String) calls.readOne(address, "symbol()(string)"));
        } catch (AbiException | RpcException e) {
            if (e instanceof RpcException r && r.isTransport()) {
                throw r;
            }
        }
        try {
            String hex = (String) calls.readOne(address, "symbol()(bytes32)");
            return clean(new String(Numeric.hexStringToByteArray(hex), StandardCharsets.UTF_8));
        } catch (AbiException | RpcException e) {
            if (e instanceof RpcException r && r.isTransport()) {
                throw r;
            }
            return "";
        }
    }

    /** Token symbols are untrusted text: no control or formatting characters, no padding, short. */
    static String clean(String s) {
        String printable = s.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return printable.length() <= MAX_SYMBOL ? printable : printable.substring(0, MAX_SYMBOL) + "…";
    }

    boolean hasCode(String address) {
        return rpc.call("eth_getCode", address, "latest").asText("0x").length() > 2;
    }
}
