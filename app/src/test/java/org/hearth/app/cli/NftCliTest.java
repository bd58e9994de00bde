package org.hearth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.node.DemoWorld;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.testing.TestChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hearth nft list|show} against the demo world on anvil, through the real command line. */
class NftCliTest {

    private static final String USER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static TestChain chain;
    private static Map<String, String> contracts;
    private static String rpc;

    @BeforeAll
    static void start() {
        chain = TestChain.start(dir.resolve("chain"), 1);
        contracts = new DemoWorld(chain.rpc(), new DemoWorldRepository(Database.open(dir.resolve("demo.db"))), dir.resolve("demo.lock"))
                .ensure(USER).contracts();
        rpc = chain.rpc().endpoint().toString();
    }

    @AfterAll
    static void stop() {
        chain.close();
    }

    private static JsonNode json(Cli.Run run) throws Exception {
        assertEquals(0, run.exit(), run.err());
        return JSON.readTree(run.out());
    }

    private static List<String> rows(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list) {
            out.add(n.get("contract").asText().toLowerCase(java.util.Locale.ROOT) + "#" + n.get("id").asText() + " " + n.get("standard").asText() + " x" + n.get("amount").asText()
                    + " " + n.get("collection").asText() + " hidden=" + n.get("hidden").asBoolean() + " spam=" + n.get("spam").asBoolean());
        }
        return out;
    }

    @Test
    void listsWhatTheAccountHoldsWithEveryField() throws Exception {
        Path data = dir.resolve("list");
        JsonNode list = json(Cli.run(data, "--rpc", rpc, "nft", "list", "--account", USER, "--json"));
        String col = contracts.get("HearthCollectibles").toLowerCase(java.util.Locale.ROOT);
        String items = contracts.get("HearthItems").toLowerCase(java.util.Locale.ROOT);
        assertEquals(List.of(col + "#1 erc721 x1 Hearth Collectibles hidden=false spam=false",
                col + "#2 erc721 x1 Hearth Collectibles hidden=false spam=false",
                col + "#3 erc721 x1 Hearth Collectibles hidden=false spam=false",
                items + "#1 erc1155 x5 Hearth Items hidden=false spam=false",
                items + "#2 erc1155 x1 Hearth Items hidden=false spam=false",
                items + "#3 erc1155 x20 Hearth Items hidden=false spam=false"), rows(list));
        assertTrue(list.get(0).get("name").asText().contains("1"), list.get(0).toString());
        assertTrue(list.get(3).get("name").isNull(), "the items' https metadata host does not exist: no name");
        for (JsonNode n : list) {
            assertEquals(List.of("contract", "id", "standard", "amount", "name", "collection", "hidden", "spam"),
                    iterate(n.fieldNames()));
        }

        assertEquals(0, Cli.run(data, "--rpc", rpc, "nft", "hide", items).exit());
        assertEquals(0, Cli.run(data, "--rpc", rpc, "nft", "hide", col, "2").exit());
        assertEquals(2, json(Cli.run(data, "--rpc", rpc, "nft", "list", "--account", USER, "--json")).size());
        JsonNode all = json(Cli.run(data, "--rpc", rpc, "nft", "list", "--account", USER, "--json", "--include-hidden"));
        assertEquals(List.of(false, true, false, true, true, true), iterate(all.elements()).stream().map(n -> n.get("hidden").asBoolean()).toList());
        assertEquals(0, Cli.run(data, "--rpc", rpc, "nft", "unhide", items).exit());
        assertEquals(5, json(Cli.run(data, "--rpc", rpc, "nft", "list", "--account", USER, "--json")).size());
    }

    @Test
    void showsTheResolvedMetadataOfAnOnChainSvgToken() throws Exception {
        Path png = dir.resolve("token2.png");
        JsonNode show = json(Cli.run(dir.resolve("show"), "--rpc", rpc, "nft", "show", contracts.get("HearthCollectibles"), "2", "--json",
                "--image-out", png.toString()));
        java.awt.image.BufferedImage written = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(written.getWidth() > 0 && written.getWidth() <= 1024, "the on-chain SVG rasterised to a PNG");
        assertEquals("erc721", show.get("standard").asText());
        assertEquals("Hearth Collectibles", show.get("collection").asText());
        assertTrue(show.get("tokenUri").asText().startsWith("data:application/json"), show.get("tokenUri").asText());
        assertEquals("application/json", show.get("mediaType").asText());
        assertFalse(show.get("metadata").get("name").asText().isEmpty());
        assertTrue(show.get("metadata").get("attributes").size() > 0);
        assertEquals("image/svg+xml", show.get("image").get("mediaType").asText(), show.toString());

        Cli.Run text = Cli.run(dir.resolve("show"), "--rpc", rpc, "nft", "show", contracts.get("HearthItems"), "1");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("metadata error: "), text.out());
        assertTrue(text.out().contains("items.hearth.invalid"), text.out());
        Cli.Run noImage = Cli.run(dir.resolve("show"), "--rpc", rpc, "nft", "show", contracts.get("HearthItems"), "1", "--image-out",
                dir.resolve("none.png").toString());
        assertEquals(1, noImage.exit());
        assertTrue(noImage.err().startsWith("error: No image to write: "), noImage.err());
    }

    @Test
    void aContractThatIsNoNftIsOneClearLine() {
        Cli.Run run = Cli.run(dir.resolve("bad"), "--rpc", rpc, "nft", "show", contracts.get("HearthToken"), "1");
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("error: ") && run.err().contains("not an NFT contract"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void gatewaySettingsAreCheckedAndKept() {
        Path data = dir.resolve("settings");
        assertTrue(Cli.run(data, "settings", "get", "ipfs.gateways").out().startsWith("(default) https://ipfs.io"));
        Cli.Run set = Cli.run(data, "settings", "set", "ipfs.gateways", " http://127.0.0.1:5001/ , https://dweb.link");
        assertEquals(0, set.exit(), set.err());
        assertEquals("http://127.0.0.1:5001/,https://dweb.link", Cli.run(data, "settings", "get", "ipfs.gateways").out().strip());
        Cli.Run bad = Cli.run(data, "settings", "set", "arweave.gateways", "ftp://x.example");
        assertEquals(1, bad.exit());
        assertEquals("error: Not a gateway base URL (http or https): ftp://x.example", bad.err().strip());
        assertEquals(1, Cli.run(data, "settings", "set", "wallet.secret", "x").exit());
        assertTrue(Cli.run(data, "settings", "get", "arweave.gateways").out().startsWith("(default) https://arweave.net"));
    }

    private static <T> List<T> iterate(java.util.Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
