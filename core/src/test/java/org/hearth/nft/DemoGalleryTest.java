package org.hearth.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hearth.chain.RpcClient;
import org.hearth.chain.session.ChainSession;
import org.hearth.compute.blob.BlobServer;
import org.hearth.compute.blob.BlobStore;
import org.hearth.fetch.MediaSniffer;
import org.hearth.nft.media.Thumbnails;
import org.hearth.node.DemoWorld;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.testing.TestChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo world's IPFS collection on anvil: metadata and images are blobs in the data dir's store,
 * resolved through the local blob server as the IPFS gateway; the demo airdrop is spam by its wording.
 */
class DemoGalleryTest {

    private static final String USER = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

    @TempDir
    static Path dir;
    private static TestChain chain;
    private static ChainSession session;
    private static BlobServer server;
    private static Map<String, String> contracts;

    @BeforeAll
    static void start() {
        chain = TestChain.start(dir.resolve("chain"), 3600);
        Database db = Database.open(dir.resolve("hearth.db"));
        BlobStore blobs = BlobStore.inDataDir(dir);
        contracts = new DemoWorld(chain.rpc(), new DemoWorldRepository(db), dir.resolve("demo.lock")).withBlobs(blobs).ensure(USER).contracts();
        server = BlobServer.startLoopback(blobs);
        session = ChainSession.open(new RpcClient(chain.rpc().endpoint()), ChainSession.Kind.LOCAL, db, 0);
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
        server.close();
        chain.close();
    }

    @Test
    void theGalleryResolvesThroughTheLocalBlobServerAndTheAirdropIsSpam() throws Exception {
        NftService service = new NftService(session, new NftGateways(List.of(server.base()), List.of()), null);
        List<NftService.Listed> all = service.list(USER, true);
        String gallery = contracts.get("HearthGallery").toLowerCase();
        List<NftService.Listed> pieces = all.stream().filter(l -> l.nft().contract().equals(gallery)).toList();
        assertEquals(List.of("Kindling", "Banked Coals", "Blue Flame", "Ash and Smoke"), pieces.stream().map(NftService.Listed::name).toList());
        for (NftService.Listed piece : pieces) {
            assertTrue(piece.metadata().tokenUri().startsWith("ipfs://bafkrei"), piece.metadata().tokenUri());
            assertTrue(piece.metadata().tried().getFirst().startsWith(server.base() + "/ipfs/bafkrei"), piece.metadata().tried().toString());
            NftContent.Fetched image = service.image(piece.metadata());
            assertEquals(MediaSniffer.SVG, image.mediaType());
            assertNotNull(Thumbnails.render(image.bytes(), 64));
            assertEquals(null, piece.spamReason(), "the demo world's own collection");
        }
        NftService.Listed drop = all.stream().filter(l -> l.nft().contract().equals(contracts.get("DemoAirdrop").toLowerCase()))
                .findFirst().orElseThrow();
        assertEquals("tokens.spam.url", drop.spamReason());
        assertTrue(drop.nft().spam());
        assertTrue(service.list(USER, false).stream().noneMatch(l -> l.nft().spam()), "spam is hidden by default");
    }
}
