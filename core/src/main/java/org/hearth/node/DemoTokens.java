package org.hearth.node;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.chain.ContractArtifact;

/**
 * The demo world's odd tokens (resources/contracts/demo/DemoTokens.sol) and what the funded account
 * gets of them: a 6-decimal USDT-style token without bool returns, a {@code bytes32}-symbol token, a
 * fee-on-transfer token (1% to the deployer: the account receives 990 of 1,000 sent), a spam airdrop
 * whose name carries a link, and two approvals to revoke (unlimited dUSDT to the ComputeMarket, 500
 * HRTH to an address without code).
 */
final class DemoTokens {

    /** In deployment order; the ERC-20s the token registry lists as the demo world's are the first three. */
    static final List<String> NAMES = List.of("DemoUsdt", "DemoMaker", "DemoFeeToken", "DemoTokenAirdrop");
    /** The code-less spender of the demo world's second approval. */
    static final String NO_CODE_SPENDER = "0x000000000000000000000000000000000000dEaD";

    private static final BigInteger USDT = BigInteger.TEN.pow(6);
    private static final BigInteger UNLIMITED = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

    private final DevChain dev;

    DemoTokens(DevChain dev) {
        this.dev = dev;
    }

    Map<String, String> deploy(String owner) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : NAMES) {
            out.put(name, deploy(name, owner));
        }
        return out;
    }

    /** One of {@link #NAMES}, its supply held by {@code owner} (the airdrop mints on demand). */
    String deploy(String name, String owner) {
        String bytecode = ContractArtifact.load(name).bytecode();
        return switch (name) {
            case "DemoUsdt" -> dev.deploy(owner, bytecode, List.of("address", "uint256"), owner, USDT.multiply(BigInteger.valueOf(1_000_000)));
            case "DemoMaker", "DemoFeeToken" -> dev.deploy(owner, bytecode, List.of("address", "uint256"), owner,
                    DemoWorld.TOKEN.multiply(BigInteger.valueOf(1_000_000)));
            case "DemoTokenAirdrop" -> dev.deploy(owner, bytecode, List.of());
            default -> throw new IllegalArgumentException("not a demo token: " + name);
        };
    }

    /** Sends {@code address} its demo tokens and makes its two approvals (impersonated: its key is never needed). */
    void fund(Map<String, String> contracts, String owner, String address) {
        dev.call(owner, contracts.get("DemoUsdt"), "transfer(address,uint256)", address, USDT.multiply(BigInteger.valueOf(2_500)));
        dev.call(owner, contracts.get("DemoMaker"), "transfer(address,uint256)", address, DemoWorld.TOKEN.multiply(BigInteger.valueOf(25)));
        dev.call(owner, contracts.get("DemoFeeToken"), "transfer(address,uint256)", address, DemoWorld.TOKEN.multiply(BigInteger.valueOf(1_000)));
        dev.call(owner, contracts.get("DemoTokenAirdrop"), "airdrop(address,uint256)", address, DemoWorld.TOKEN.multiply(BigInteger.valueOf(777)));
        dev.impersonate(address, true);
        try {
            dev.call(address, contracts.get("DemoUsdt"), "approve(address,uint256)", contracts.get("ComputeMarket"), UNLIMITED);
            dev.call(address, contracts.get("HearthToken"), "approve(address,uint256)", NO_CODE_SPENDER,
                    DemoWorld.TOKEN.multiply(BigInteger.valueOf(500)));
        } finally {
            dev.impersonate(address, false);
        }
    }
}
