package org.hearth.testing;

import java.util.List;
import org.hearth.chain.Addresses;
import org.hearth.chain.ContractArtifact;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.Abi;
import org.web3j.utils.Numeric;

/**
 * Real OpenZeppelin 5 proxies on anvil: an {@code UpgradeableBox} (UUPS) implementation behind an
 * ERC1967Proxy (implementation slot set, no admin) and behind a TransparentUpgradeableProxy (admin slot
 * holding the ProxyAdmin it deployed), both owned by {@code owner}, and a second implementation to upgrade to.
 */
public record Proxies(String implementation, String nextImplementation, String uups, String transparent, String proxyAdmin) {

    static final String ADMIN_SLOT = "0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103";

    public static Proxies deploy(RpcClient rpc, String owner) {
        DevTx dev = new DevTx(rpc);
        String box = ContractArtifact.load("UpgradeableBox").bytecode();
        String implementation = dev.deploy(owner, box, List.of());
        String next = dev.deploy(owner, box, List.of());
        byte[] init = Numeric.hexStringToByteArray(Abi.encodeCall("initialize(address)", owner));
        String uups = dev.deploy(owner, ContractArtifact.load("ERC1967Proxy").bytecode(), List.of("address", "bytes"), implementation, init);
        String transparent = dev.deploy(owner, ContractArtifact.load("TransparentUpgradeableProxy").bytecode(),
                List.of("address", "address", "bytes"), implementation, owner, init);
        String word = rpc.call("eth_getStorageAt", transparent, ADMIN_SLOT, "latest").asText();
        String admin = Addresses.checksummed("0x" + word.substring(word.length() - 40));
        return new Proxies(Addresses.checksummed(implementation), Addresses.checksummed(next), Addresses.checksummed(uups),
                Addresses.checksummed(transparent), admin);
    }
}
