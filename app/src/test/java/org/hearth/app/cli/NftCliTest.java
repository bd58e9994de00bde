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
import java.math.BigInteger;
import org.hearth.chain.ContractArtifact;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.node.DemoWorld;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.testing.DevTx;
import org.hearth.testing.TestChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hearth nft list|show|send|hide|unhide} against the demo world on anvil, through the real command line. */
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
        // recorded in the "list" data dir: there the demo world's collections are known contracts, not airdrops
        contracts = new DemoWorld(chain.rpc(), new DemoWorldRepository(Database.open(dir.resolve("list").resolve("hearth.db"))),
                dir.resolve("demo.lock")).ensure(USER).contracts();
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
    void anUnsolicitedAirdropIsSpamHiddenByDefaultAndListedWithItsFlag() throws Exception {
        String target = DevTx.ACCOUNTS[3];
        DevTx dev = new DevTx(chain.rpc());
        String drop = dev.deploy(DevTx.ACCOUNTS[0], ContractArtifact.load("HearthGallery").bytecode(), List.of("string", "string", "address"),
                "Lovely Art", "LA", DevTx.ACCOUNTS[0]);
        dev.call(DevTx.ACCOUNTS[0], drop, "mint(address,string)", target, "data:application/json,{\"name\":\"Lovely #1\"}");
        Path data = dir.resolve("spam");
        assertEquals(0, json(Cli.run(data, "--rpc", rpc, "nft", "list", "--account", target, "--json")).size());
        JsonNode all = json(Cli.run(data, "--rpc", rpc, "nft", "list", "--account", target, "--json", "--include-hidden"));
        assertEquals(List.of(drop.toLowerCase(java.util.Locale.ROOT) + "#1 erc721 x1 Lovely Art hidden=false spam=true"), rows(all));
        Cli.Run text = Cli.run(data, "--rpc", rpc, "nft", "list", "--account", target, "--include-hidden");
        assertTrue(text.out().contains("[spam: Hidden as spam: an airdrop you did not ask for"), text.out());
        assertEquals(0, Cli.run(data, "--rpc", rpc, "nft", "unhide", drop, "1").exit());
        assertEquals(List.of(drop.toLowerCase(java.util.Locale.ROOT) + "#1 erc721 x1 Lovely Art hidden=false spam=false"),
                rows(json(Cli.run(data, "--rpc", rpc, "nft", "list", "--account", target, "--json"))), "unhidden: shown over the rule");
    }

    @Test
    void sendMovesAnErc721AndAnErc1155QuantityThroughThePipeline() throws Exception {
        String owner = DevTx.ACCOUNTS[0]; // the demo world's deployer: the first account of the test mnemonic
        String bob = DevTx.ACCOUNTS[2];
        String col = contracts.get("HearthCollectibles");
        String items = contracts.get("HearthItems");
        DevTx dev = new DevTx(chain.rpc());
        dev.call(owner, col, "mint(address)", owner);
        BigInteger id = (BigInteger) new ContractCalls(chain.rpc()).readOne(col, "totalMinted()(uint256)");
        dev.call(owner, items, "mint(address,uint256,uint256)", owner, BigInteger.valueOf(9), BigInteger.TEN);
        Path words = java.nio.file.Files.writeString(dir.resolve("words.txt"), "test test test test test test test test test test test junk\n");
        Path password = java.nio.file.Files.writeString(dir.resolve("password.txt"), "correct horse battery\n");
        Path wallet = dir.resolve("wallet-data");
        Cli.Run restore = Cli.run(wallet, "--rpc", rpc, "wallet", "restore", "--mnemonic-file", words.toString(), "--password-file", password.toString());
        assertEquals(0, restore.exit(), restore.err());

        Cli.Run one = Cli.run(wallet, "--rpc", rpc, "nft", "send", "--from", owner, "--contract", col, "--id", id.toString(), "--to", bob,
                "--password-file", password.toString(), "--yes");
        assertEquals(0, one.exit(), one.err() + one.out());
        assertTrue(one.out().contains("status:          confirmed in block"), one.out());
        assertEquals(bob.toLowerCase(java.util.Locale.ROOT),
                new ContractCalls(chain.rpc()).readOne(col, "ownerOf(uint256)(address)", id).toString().toLowerCase(java.util.Locale.ROOT));

        Cli.Run four = Cli.run(wallet, "--rpc", rpc, "nft", "send", "--from", owner, "--contract", items, "--id", "9", "--amount", "4",
                "--to", bob, "--password-file", password.toString(), "--yes");
        assertEquals(0, four.exit(), four.err() + four.out());
        assertTrue(four.out().contains("amount:          4"), four.out());
        ContractCalls calls = new ContractCalls(chain.rpc());
        assertEquals(BigInteger.valueOf(6), calls.readOne(items, "balanceOf(address,uint256)(uint256)", owner, BigInteger.valueOf(9)));
        assertEquals(BigInteger.valueOf(4), calls.readOne(items, "balanceOf(address,uint256)(uint256)", bob, BigInteger.valueOf(9)));

        Cli.Run again = Cli.run(wallet, "--rpc", rpc, "nft", "send", "--from", owner, "--contract", col, "--id", id.toString(), "--to", bob,
                "--password-file", password.toString(), "--yes");
        assertEquals(1, again.exit());
        assertTrue(again.err().startsWith("error: ") && again.err().contains("holds 0 of token #" + id), again.err());
        assertEquals(1, again.err().strip().lines().count(), again.err());
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
        assertTrue(show.get("royalty") == null, "the collectibles declare no EIP-2981 royalty");
        JsonNode items = json(Cli.run(dir.resolve("show"), "--rpc", rpc, "nft", "show", contracts.get("HearthItems"), "1", "--json"));
        assertEquals("500", items.get("royalty").get("basisPoints").asText(), "HearthItems: 5% by EIP-2981");

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
