package org.hearth.tokens;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.hearth.chain.RpcException;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.session.ChainSession;

/**
 * The calls that set an ERC-20 allowance to a new amount. Tokens like USDT refuse to change one
 * non-zero allowance into another (a guard against the approve race), so when the allowance is not
 * zero and a direct {@code approve} would revert (simulated with {@code eth_call} as the owner), the
 * answer is {@code approve(spender, 0)} first, then the new amount: two transactions, each reviewed.
 */
public final class AllowanceChange {

    private AllowanceChange() {
    }

    /** Call data for {@code token}, in order; one entry, or two when the token needs the allowance zeroed first. */
    public static List<String> calls(ChainSession session, String owner, String token, String spender, BigInteger amount) {
        String direct = Abi.encodeCall("approve(address,uint256)", spender, amount);
        BigInteger current = (BigInteger) new ContractCalls(session.rpc()).readOne(token, "allowance(address,address)(uint256)", owner, spender);
        if (current.signum() == 0 || amount.signum() == 0 || accepts(session, owner, token, direct)) {
            return List.of(direct);
        }
        return List.of(Abi.encodeCall("approve(address,uint256)", spender, BigInteger.ZERO), direct);
    }

    private static boolean accepts(ChainSession session, String owner, String token, String data) {
        try {
            session.rpc().call("eth_call", Map.of("from", owner, "to", token, "data", data), "latest");
            return true;
        } catch (RpcException e) {
            if (e.isTransport()) {
                throw e;
            }
            return false; // reverted: this token wants the allowance at zero first
        }
    }
}
