package org.hearth.tokens;

import java.math.BigInteger;
import java.util.Map;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.FeeLevel;
import org.hearth.chain.tx.PreparedTx;
import org.hearth.problem.HearthException;

/**
 * An ERC-20 {@code transfer} prepared through the one pipeline, simulated first: a token that
 * answers {@code false} would move nothing and is refused before anything is signed; one that
 * answers nothing (USDT style) is accepted.
 */
public final class TokenSend {

    private TokenSend() {
    }

    public static PreparedTx prepare(ChainSession session, String from, Token token, String to, BigInteger units, FeeLevel fee) {
        String data = Abi.encodeCall("transfer(address,uint256)", to, units);
        String result = session.rpc().call("eth_call", Map.of("from", from, "to", token.address(), "data", data), "latest").asText("0x");
        if (result.length() == 66 && new BigInteger(result.substring(2), 16).signum() == 0) {
            throw new HearthException("tokens.transferFalse", null, token.address());
        }
        return session.pipeline().prepare(from, token.address(), BigInteger.ZERO, data, fee);
    }
}
