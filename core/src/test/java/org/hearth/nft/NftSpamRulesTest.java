package org.hearth.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.chain.ContractArtifact;
import org.hearth.chain.RpcClient;
import org.hearth.chain.session.ChainSession;
import org.hearth.node.DemoWorld;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.testing.DevTx;
import org.hearth.testing.TestChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spam rules on anvil: an unsolicited airdrop from an unknown collection and names with links or claim
 * wording are spam; what the account minted itself never is, whatever its name; the demo world's
 * collections (minted to the account by the deployer, which looks like an airdrop) are trusted as known
 * contracts; unhiding a spam token keeps it shown.
 */
class NftSpamRulesTest {

    private static final String USER = DevTx.ACCOUNTS[1].toLowerCase();
    private static final String DEPLOYER = DevTx.ACCOUNTS[0];
    private static final String META = "data:application/json,{\"name\":\"%s\",\"image\":\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>\"}";

    @TempDir
    static Path dir;
    private static TestChain chain;
    private static ChainSession session;
    private static Map<String, String> demo;
    private static String airdrop;
    private static String claim;
    private static String selfMinted;

    @BeforeAll
    static void start() {
        chain = TestChain.start(dir, 3600);
        Database db = Database.open(dir.resolve("hearth.db"));
        demo = new DemoWorld(chain.rpc(), new DemoWorldRepository(db), dir.resolve("demo.lock")).ensure(USER).contracts();
        DevTx dev = new DevTx(chain.rpc());
        airdrop = gallery(dev, "Lovely Art", DEPLOYER);
        dev.call(DEPLOYER, airdrop, "mint(address,string)", USER, META.formatted("Lovely #1"));
        claim = gallery(dev, "Visit hearth-drop.xyz to claim", DEPLOYER);
        dev.call(DEPLOYER, claim, "mint(address,string)", USER, META.formatted("Reward pass"));
        selfMinted = gallery(dev, "Claim Club", USER); // USER owns it and mints to itself: never spam
        dev.call(USER, selfMinted, "mint(address,string)", USER, META.formatted("Claim your seat"));
        session = ChainSession.open(new RpcClient(chain.rpc().endpoint()), ChainSession.Kind.LOCAL, db, 0);
    }

    private static String gallery(DevTx dev, String name, String owner) {
        return dev.deploy(DEPLOYER, ContractArtifact.load("HearthGallery").bytecode(), List.of("string", "string", "address"), name, "HG", owner)
                .toLowerCase();
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
        chain.close();
    }

    private static NftService service() {
        return new NftService(session, new NftGateways(List.of(), List.of()), null);
    }

    private static Optional<NftService.Listed> find(List<NftService.Listed> listed, String contract) {
        return listed.stream().filter(l -> l.nft().contract().equals(contract.toLowerCase())).findFirst();
    }

    @Test
    void airdropsAndClaimNamesAreSpamWhatTheAccountMintedAndTheDemoCollectionsAreNot() throws Exception {
        List<NftService.Listed> all = service().list(USER, true);
        assertEquals(NftSpamRules.AIRDROP, find(all, airdrop).orElseThrow().spamReason());
        assertEquals("tokens.spam.url", find(all, claim).orElseThrow().spamReason());
        NftService.Listed mine = find(all, selfMinted).orElseThrow();
        assertNull(mine.spamReason(), "minted by the account itself, though its name says claim");
        assertEquals("Claim your seat", mine.name());
        for (String known : List.of("HearthCollectibles", "HearthItems")) {
            assertTrue(all.stream().filter(l -> l.nft().contract().equals(demo.get(known).toLowerCase()))
                    .allMatch(l -> l.spamReason() == null && !l.nft().spam()), known + " is the demo world's: not spam");
        }
        List<NftService.Listed> visible = service().list(USER, false);
        assertTrue(find(visible, airdrop).isEmpty() && find(visible, claim).isEmpty(), "spam is hidden by default");
        assertTrue(find(visible, selfMinted).isPresent());
        assertEquals(3 + 3 + 1, visible.size(), "three collectibles, three item kinds and the self-minted token");
    }

    @Test
    void unhidingASpamTokenKeepsItShownWithItsReasonAndHidingItAgainHidesIt() throws Exception {
        NftService service = service();
        String id = "1";
        service.hidden().unhide(session.chainId(), airdrop, new java.math.BigInteger(id));
        NftService.Listed shown = find(service.list(USER, false), airdrop).orElseThrow();
        assertFalse(shown.nft().spam(), "the user said show it");
        assertEquals(NftSpamRules.AIRDROP, shown.spamReason(), "the reason is still known");
        service.hidden().hide(session.chainId(), airdrop, new java.math.BigInteger(id));
        assertTrue(find(service.list(USER, false), airdrop).isEmpty());
        NftService.Listed hidden = find(service.list(USER, true), airdrop).orElseThrow();
        assertTrue(hidden.nft().hidden());
    }
}
