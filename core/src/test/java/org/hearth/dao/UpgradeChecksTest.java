package org.hearth.dao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.review.CallDecoder;
import org.hearth.chain.review.ReviewWarning;
import org.hearth.chain.session.ChainSession;
import org.hearth.store.Database;
import org.hearth.testing.DevTx;
import org.hearth.testing.Proxies;
import org.hearth.testing.TestChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upgrade calls and EIP-1967 proxies flagged in a proposal's actions, against real OpenZeppelin 5 proxies on anvil. */
class UpgradeChecksTest {

    @TempDir
    Path dir;

    @Test
    void upgradeCallsAndProxyTargetsAreFlagged() {
        try (TestChain chain = TestChain.start(dir.resolve("chain"), 3600);
             ChainSession session = ChainSession.open(new RpcClient(chain.rpc().endpoint()), ChainSession.Kind.LOCAL,
                     Database.open(dir.resolve("hearth.db")), 0)) {
            String owner = DevTx.ACCOUNTS[0];
            Proxies p = Proxies.deploy(chain.rpc(), owner);
            ContractCalls calls = new ContractCalls(chain.rpc());
            assertEquals(owner, calls.readOne(p.uups(), "owner()(address)"), "the proxy runs the box, initialized through it");
            ProposalActions actions = new ProposalActions(session.rpc(), CallDecoder.shipped(), session.contracts());

            // UUPS: upgradeToAndCall on the proxy, which is itself an EIP-1967 proxy (implementation slot set, no admin)
            String upgrade = Abi.encodeCall("upgradeToAndCall(address,bytes)", p.nextImplementation(), new byte[0]);
            ProposalAction uups = actions.describe(0, p.uups(), BigInteger.ZERO, upgrade);
            assertEquals(List.of(ReviewWarning.of(ProposalAction.UPGRADE_CALL, "upgradeToAndCall(address,bytes)", p.uups(), p.nextImplementation()),
                    ReviewWarning.of(ProposalAction.PROXY_TARGET, p.uups(), p.implementation())), daoWarnings(uups));
            // the flagged call is a real upgrade: sent by the owner, the proxy's implementation slot changes
            new DevTx(chain.rpc()).send(owner, p.uups(), BigInteger.ZERO, upgrade);
            assertEquals(List.of(ReviewWarning.of(ProposalAction.PROXY_TARGET, p.uups(), p.nextImplementation())),
                    daoWarnings(actions.describe(0, p.uups(), BigInteger.ZERO, Abi.encodeCall("setValue(uint256)", 7))));

            // Transparent: any call to it names its implementation and its ProxyAdmin; ProxyAdmin.upgradeAndCall names the new code
            assertEquals(List.of(ReviewWarning.of(ProposalAction.PROXY_TARGET, p.transparent(), p.implementation()),
                    ReviewWarning.of(ProposalAction.PROXY_ADMIN, p.transparent(), p.proxyAdmin())),
                    daoWarnings(actions.describe(0, p.transparent(), BigInteger.ZERO, Abi.encodeCall("setValue(uint256)", 7))));
            ProposalAction viaAdmin = actions.describe(0, p.proxyAdmin(), BigInteger.ZERO,
                    Abi.encodeCall("upgradeAndCall(address,address,bytes)", p.transparent(), p.nextImplementation(), new byte[0]));
            assertEquals(List.of(ReviewWarning.of(ProposalAction.UPGRADE_CALL, "upgradeAndCall(address,address,bytes)", p.proxyAdmin(),
                    p.nextImplementation())), daoWarnings(viaAdmin));
            ProposalAction changeAdmin = actions.describe(0, p.uups(), BigInteger.ZERO, Abi.encodeCall("changeAdmin(address)", DevTx.ACCOUNTS[2]));
            assertTrue(changeAdmin.warnings().contains(ReviewWarning.of(ProposalAction.UPGRADE_CALL, "changeAdmin(address)", p.uups(), DevTx.ACCOUNTS[2])),
                    changeAdmin.warnings().toString());

            // a plain contract: none of these
            ProposalAction plain = actions.describe(0, p.implementation(), BigInteger.ZERO, Abi.encodeCall("setValue(uint256)", 7));
            assertTrue(plain.warnings().stream().noneMatch(w -> w.key().startsWith("dao.warning.")), plain.warnings().toString());
        }
    }

    /** The proposal warnings (other review warnings, such as an undecoded call, may come beside them). */
    private static List<ReviewWarning> daoWarnings(ProposalAction a) {
        return a.warnings().stream().filter(w -> w.key().startsWith("dao.warning.")).toList();
    }
}
