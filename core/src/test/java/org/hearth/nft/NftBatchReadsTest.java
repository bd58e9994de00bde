package org.hearth.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.chain.ContractArtifact;
import org.hearth.chain.Hex;
import org.hearth.chain.RpcClient;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.abi.Multicall3;
import org.hearth.chain.session.ChainSession;
import org.hearth.node.DemoWorld;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.testing.RpcProxy;
import org.hearth.testing.TestChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-token reads (ownerOf, tokenURI) go through Multicall3 in batches: an account with {@value #TOKENS}
 * gallery tokens on anvil, every call counted by a proxy in front of the node. Where the chain has no
 * Multicall3 the same answers come one call per token.
 */
class NftBatchReadsTest {

    private static final int TOKENS = 620;
    private static final String USER = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    private static final String BOB = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
    private static final String NO_CODE = "0x000000000000000000000000000000000000dEaD";

    @TempDir
    static Path dir;
    private static TestChain chain;
    private static Database db;
    private static RpcProxy proxy;
    private static ChainSession session;
    private static String gallery;

    @BeforeAll
    static void start() throws Exception {
        chain = TestChain.start(dir, 1);
        db = Database.open(dir.resolve("hearth.db"));
        new DemoWorld(chain.rpc(), new DemoWorldRepository(db), dir.resolve("demo.lock")).ensure(USER);
        String owner = chain.rpc().call("eth_accounts").get(0).asText();
        gallery = send(owner, null, ContractArtifact.load("HearthGallery").bytecode()
                + Abi.encodeArguments(List.of("string", "string", "address"), "Batch Gallery", "BTCH", owner)).path("contractAddress").asText();
        send(owner, gallery, Abi.encodeCall("setBaseURI(string)", "ipfs://meta/"));
        for (int done = 0; done < TOKENS; done += 250) {
            send(owner, gallery, Abi.encodeCall("mintMany(address,uint256)", USER, BigInteger.valueOf(Math.min(250, TOKENS - done))));
        }
        send(USER, gallery, Abi.encodeCall("transferFrom(address,address,uint256)", USER, BOB, BigInteger.valueOf(7)));
        proxy = new RpcProxy(chain.rpc().endpoint(), (method, id) -> null);
        session = ChainSession.open(new RpcClient(proxy.url()), ChainSession.Kind.LOCAL, db, 0);
        session.logIndexer().watch(session.nftTransfers(), USER, 0);
        session.logIndexer().syncToHead();
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        chain.close();
    }

    private static JsonNode send(String from, String to, String data) throws InterruptedException {
        RpcClient rpc = chain.rpc();
        rpc.call("anvil_impersonateAccount", from);
        Map<String, String> tx = to == null ? Map.of("from", from, "data", data, "gas", Hex.quantity(29_000_000))
                : Map.of("from", from, "to", to, "data", data, "gas", Hex.quantity(29_000_000));
        String hash = rpc.call("eth_sendTransaction", tx).asText();
        JsonNode receipt;
        while ((receipt = rpc.call("eth_getTransactionReceipt", hash)) == null || receipt.isNull()) {
            Thread.sleep(100);
        }
        assertEquals("0x1", receipt.path("status").asText(), "transaction " + hash);
        return receipt;
    }

    private static NftOwnership ownership(Multicall3 multicall) {
        return new NftOwnership(new ContractCalls(session.rpc()), multicall, session.nftTransfers(), new NftHidden(db), session.chainId());
    }

    private static List<OwnedNft> galleryOnly(List<OwnedNft> owned) {
        return owned.stream().filter(n -> n.contract().equalsIgnoreCase(gallery)).toList();
    }

    @Test
    void ownershipOfHundredsOfTokensTakesAFewCallsNotOnePerToken() {
        Multicall3 multicall = Multicall3.of(session);
        int before = proxy.calls("eth_call");
        List<OwnedNft> owned = ownership(multicall).owned(USER);
        int calls = proxy.calls("eth_call") - before;
        List<OwnedNft> mine = galleryOnly(owned);
        assertEquals(TOKENS - 1, mine.size(), "every gallery token but the one sent to Bob");
        assertTrue(mine.stream().noneMatch(n -> n.tokenId().equals(BigInteger.valueOf(7))), "token 7 is Bob's now");
        assertFalse(multicall.absent());
        long contracts = owned.stream().map(OwnedNft::contract).distinct().count();
        int batches = (TOKENS + Multicall3.BATCH) / Multicall3.BATCH + 1; // all candidates (demo tokens too) in batches of BATCH
        // per contract: one supportsInterface for each standard it logged and one name(); the rest are the batches
        assertTrue(calls <= batches + 3 * contracts, "eth_calls: " + calls + " for " + owned.size() + " tokens of " + contracts + " contracts");
        assertTrue(calls < TOKENS / 10, "eth_calls: " + calls);
    }

    @Test
    void tokenUrisComeInOneCallPerBatch() {
        List<OwnedNft> mine = galleryOnly(ownership(Multicall3.of(session)).owned(USER));
        int before = proxy.calls("eth_call");
        List<Optional<String>> uris = ownership(Multicall3.of(session)).tokenUris(mine);
        assertEquals((mine.size() + Multicall3.BATCH - 1) / Multicall3.BATCH, proxy.calls("eth_call") - before);
        for (int i = 0; i < mine.size(); i++) {
            assertEquals(Optional.of("ipfs://meta/" + mine.get(i).tokenId()), uris.get(i));
        }
    }

    @Test
    void withoutMulticall3EachTokenIsReadOnItsOwnWithTheSameAnswers() {
        NftOwnership batched = ownership(Multicall3.of(session));
        List<OwnedNft> expected = batched.owned(USER);
        Multicall3 none = new Multicall3(session.rpc(), NO_CODE);
        NftOwnership fallback = ownership(none);
        int before = proxy.calls("eth_call");
        List<OwnedNft> owned = fallback.owned(USER);
        int ownedCalls = proxy.calls("eth_call") - before;
        assertTrue(none.absent(), "nothing answers at " + NO_CODE);
        assertEquals(expected, owned);
        assertTrue(ownedCalls > TOKENS, "one ownerOf per token: " + ownedCalls);

        List<OwnedNft> mine = galleryOnly(owned);
        before = proxy.calls("eth_call");
        List<Optional<String>> uris = fallback.tokenUris(mine);
        assertEquals(mine.size(), proxy.calls("eth_call") - before, "no probe once Multicall3 is known absent: one tokenURI per token");
        assertEquals(batched.tokenUris(mine), uris);
    }

    @Test
    void aRevertingTokenDoesNotSpoilItsBatch() {
        List<OwnedNft> mine = galleryOnly(ownership(Multicall3.of(session)).owned(USER));
        OwnedNft burnedLike = new OwnedNft(gallery, BigInteger.valueOf(TOKENS + 50), NftStandard.ERC721, BigInteger.ONE, null, false, false);
        List<OwnedNft> asked = new java.util.ArrayList<>(mine.subList(0, 3));
        asked.add(1, burnedLike); // tokenURI reverts for a token that does not exist
        List<Optional<String>> uris = ownership(Multicall3.of(session)).tokenUris(asked);
        assertEquals(Optional.empty(), uris.get(1));
        assertEquals(Optional.of("ipfs://meta/" + asked.get(0).tokenId()), uris.get(0));
        assertEquals(Optional.of("ipfs://meta/" + asked.get(3).tokenId()), uris.get(3));
    }
}
