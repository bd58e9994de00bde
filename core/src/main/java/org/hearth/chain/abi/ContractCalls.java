package org.hearth.chain.abi;

import java.util.List;
import java.util.Map;
import org.hearth.chain.RpcClient;

/** Read-only contract calls ({@code eth_call} at the latest block) by text signature, decoded to plain values. */
public final class ContractCalls {

    private final RpcClient rpc;

    public ContractCalls(RpcClient rpc) {
        this.rpc = rpc;
    }

    /**
     * Calls {@code signature} with its outputs in a second pair of parentheses, e.g.
     * {@code read(token, "balanceOf(address)(uint256)", owner)}, and returns the decoded outputs.
     */
    public List<AbiValue> read(String to, String signature, Object... args) {
        AbiFunction f = AbiFunction.parse(signature);
        String data = Abi.encodeCall(f.signature(), args);
        String result = rpc.call("eth_call", Map.of("to", to, "data", data), "latest").asText("0x");
        return Abi.decodeReturn(f, result);
    }

    /** The one output of {@code signature}, e.g. {@code "totalSupply()(uint256)"}. */
    public Object readOne(String to, String signature, Object... args) {
        List<AbiValue> out = read(to, signature, args);
        if (out.size() != 1) {
            throw new AbiException(signature + " has " + out.size() + " outputs, not one");
        }
        return out.getFirst().value();
    }
}
