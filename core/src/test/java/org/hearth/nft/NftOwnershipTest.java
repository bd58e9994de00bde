package org.hearth.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.abi.Multicall3;
import org.hearth.chain.session.ChainSession;
import org.hearth.node.DemoWorld;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.testing.TestChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ownership from the one log indexer, confirmed on chain, against the demo world's HearthCollectibles and HearthItems on anvil. */
class NftOwnershipTest {

    private static final String USER = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    private static final String BOB = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";

    @TempDir
    static Path dir;
    private static TestChain chain;
    private static Database db;
    private static Map<String, String> contracts;
    private static ChainSession session;
    private static NftOwnership ownership;

    @BeforeAll
    static void start() throws Exception {
        chain = TestChain.start(dir, 1);
        db = Database.open(dir.resolve("hearth.db"));
        contracts = new DemoWorld(chain.rpc(), new DemoWorldRepository(db), dir.resolve("demo.lock")).ensure(USER).contracts();
        session = ChainSession.open(new RpcClient(chain.rpc().endpoint()), ChainSession.Kind.LOCAL, db, 0);
        String col = contracts.get("HearthCollectibles");
        String items = contracts.get("HearthItems");
        // Move some away from USER: one 721, a single 1155 transfer, and a batch.
        send(USER, col, Abi.encodeCall("transferFrom(address,address,uint256)", USER, BOB, BigInteger.TWO));
        send(USER, items, Abi.encodeCall("safeTransferFrom(address,address,uint256,uint256,bytes)", USER, BOB,
                BigInteger.valueOf(3), BigInteger.valueOf(7), new byte[0]));
        send(USER, items, Abi.encodeCall("safeBatchTransferFrom(address,address,uint256[],uint256[],bytes)", USER, BOB,
                List.of(BigInteger.ONE, BigInteger.TWO), List.of(BigInteger.valueOf(5), BigInteger.ONE), new byte[0]));
        session.logIndexer().watch(session.nftTransfers(), USER, 0);
        session.logIndexer().watch(session.nftTransfers(), BOB, 0);
        session.logIndexer().syncToHead();
        ownership = new NftOwnership(new ContractCalls(session.rpc()), Multicall3.of(session), session.nftTransfers(), new NftHidden(db), session.chainId());
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
        chain.close();
    }

    private static void send(String from, String to, String data) throws InterruptedException {
        RpcClient rpc = chain.rpc();
        rpc.call("anvil_impersonateAccount", from);
        String hash = rpc.call("eth_sendTransaction", Map.of("from", from, "to", to, "data", data)).asText();
        JsonNode receipt;
        while ((receipt = rpc.call("eth_getTransactionReceipt", hash)) == null || receipt.isNull()) {
            Thread.sleep(100);
        }
        assertEquals("0x1", receipt.path("status").asText(), "transaction " + hash);
    }

    private static String key(OwnedNft n) {
        return (n.contract().equals(contracts.get("HearthCollectibles").toLowerCase(Locale.ROOT)) ? "col" : "items")
                + "#" + n.tokenId() + "x" + n.amount() + ":" + n.standard().id();
    }

    @Test
    void whatEachAccountOwnsNowFollowsTheLogsAndTheChain() {
        assertEquals(List.of("col#1x1:erc721", "col#3x1:erc721", "items#3x13:erc1155"), ownership.owned(USER).stream().map(NftOwnershipTest::key).toList());
        assertEquals(List.of("col#2x1:erc721", "items#3x7:erc1155", "items#1x5:erc1155", "items#2x1:erc1155"),
                ownership.owned(BOB).stream().map(NftOwnershipTest::key).toList());
        assertEquals("Hearth Collectibles", ownership.owned(USER).getFirst().collection());
    }

    @Test
    void batchLogsBecomeOneRowPerPairAndErc20TransfersAreNotTaken() {
        List<NftTransfers.NftCandidate> received = session.nftTransfers().received(session.chainId(), BOB);
        assertEquals(4, received.size());
        String token = contracts.get("HearthToken").toLowerCase(Locale.ROOT);
        assertTrue(session.nftTransfers().received(session.chainId(), USER).stream().noneMatch(c -> c.contract().equals(token)),
                "the demo world sent USER HRTH (ERC-20 Transfer, 3 topics): not an NFT");
    }

    @Test
    void erc165TellsTheStandardsApart() {
        assertEquals(Optional.of(NftStandard.ERC721), ownership.standardOf(contracts.get("HearthCollectibles")));
        assertEquals(Optional.of(NftStandard.ERC1155), ownership.standardOf(contracts.get("HearthItems")));
        assertEquals(Optional.empty(), ownership.standardOf(contracts.get("HearthToken")));
    }

    @Test
    void hidingATokenOrACollection() {
        NftHidden hidden = new NftHidden(db);
        String items = contracts.get("HearthItems");
        hidden.hide(session.chainId(), contracts.get("HearthCollectibles"), BigInteger.ONE);
        hidden.hide(session.chainId(), items, null);
        try {
            assertEquals(List.of(true, false, true), ownership.owned(USER).stream().map(OwnedNft::hidden).toList());
        } finally {
            hidden.unhide(session.chainId(), contracts.get("HearthCollectibles"), BigInteger.ONE);
            hidden.unhide(session.chainId(), items, null);
        }
        assertTrue(ownership.owned(USER).stream().noneMatch(OwnedNft::hidden));
    }

    @Test
    void theOnChainCollectibleMetadataResolvesWithAnSvgImage() {
        String uri = ownership.tokenUri(contracts.get("HearthCollectibles"), NftStandard.ERC721, BigInteger.ONE).orElseThrow();
        MetadataResolver resolver = new MetadataResolver(new NftContent(new NftGateways(List.of(), List.of())));
        ResolvedMetadata r = resolver.resolve(uri, BigInteger.ONE);
        assertTrue(r.ok(), r.error());
        assertNotNull(r.metadata().name());
        assertFalse(r.metadata().attributes().isEmpty());
        assertEquals("image/svg+xml", resolver.image(r.metadata()).mediaType());
    }
}
