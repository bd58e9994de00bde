package org.hearth.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.hearth.compute.job.GemmBlobs;
import org.hearth.config.DataDir;
import org.hearth.market.JobState;
import org.hearth.market.MarketContract;
import org.hearth.testing.ScriptedProvider;
import org.hearth.node.DemoWorld;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.testing.DevTx;
import org.hearth.testing.TestChain;
import org.hearth.testing.TestMatrices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hearth market post gemm|render} on anvil with the demo world, the wallet's first account (anvil's
 * account 0) as requester and a provider driven step by step beside it: an honest gemm is verified,
 * accepted and written as raw f32 (exit 0), a tampered one disputed (exit 4), a job nobody takes times out
 * (exit 5), and a render comes back as a PNG.
 */
class MarketPostCliTest {

    private static final String JUNK = "test test test test test test test test test test test junk";

    @TempDir
    static Path dir;
    private static TestChain chain;
    private static Path data;
    private static String rpc;
    private static Path password;
    private static MarketContract market;
    private static ScriptedProvider provider;

    @BeforeAll
    static void start() throws Exception {
        chain = TestChain.start(dir.resolve("chain"), 3600);
        chain.rpc().call("evm_setAutomine", true);
        data = dir.resolve("hearth");
        rpc = chain.rpc().endpoint().toString();
        Database db = Database.open(new DataDir(data).ensureExists().databaseFile());
        market = new MarketContract(chain.rpc(), new DemoWorld(chain.rpc(), new DemoWorldRepository(db), dir.resolve("demo.lock"))
                .ensure(null).contracts().get("ComputeMarket"));
        password = Files.writeString(dir.resolve("pw.txt"), "correct horse\n");
        Path words = Files.writeString(dir.resolve("words.txt"), JUNK);
        assertEquals(0, Cli.run(data, "wallet", "restore", "--mnemonic-file", words.toString(), "--password-file", password.toString()).exit());
        provider = new ScriptedProvider(chain.rpc(), market, DevTx.ACCOUNTS[3], dir.resolve("provider-blobs"));
        provider.register();
    }

    @AfterAll
    static void stop() {
        provider.close();
        chain.close();
    }

    @Test
    void anHonestGemmIsVerifiedAcceptedAndWrittenAndATamperedOneDisputed() throws Exception {
        int m = 12, n = 8, k = 10;
        Path a = Files.write(dir.resolve("a.f32"), TestMatrices.random(m * k, 1));
        Path b = Files.write(dir.resolve("b.f32"), TestMatrices.random(k * n, 2));
        Path out = dir.resolve("c.f32");
        BigInteger next = market.jobCount().add(BigInteger.ONE);
        CompletableFuture<Cli.Run> run = CompletableFuture.supplyAsync(() -> post("gemm", "--a", a.toString(), "--b", b.toString(),
                "--m", "" + m, "--n", "" + n, "--k", "" + k, "--price", "2.5", "--wait", "60", "--out", out.toString()));
        byte[] computed = provider.completeWhenPosted(next, bytes -> bytes);
        Cli.Run done = run.get();
        assertEquals(0, done.exit(), done.out() + done.err());
        assertTrue(done.out().contains("call:            approve(spender: " + market.address()), done.out());
        assertTrue(done.out().contains("job " + next + " posted: gemm, 2.5 HRTH escrowed"), done.out());
        assertTrue(done.out().contains("job " + next + ": accepted (Freivalds' check passed " + org.hearth.compute.verify.Freivalds.DEFAULT_ROUNDS + " rounds)"), done.out());
        assertArrayEquals(computed, Files.readAllBytes(out), "the verified result, raw little-endian f32");
        assertEquals(JobState.SETTLED, market.jobState(next));

        BigInteger tampered = next.add(BigInteger.ONE);
        CompletableFuture<Cli.Run> second = CompletableFuture.supplyAsync(() -> post("gemm", "--a", a.toString(), "--b", b.toString(),
                "--m", "" + m, "--n", "" + n, "--k", "" + k, "--price", "1", "--wait", "60"));
        provider.completeWhenPosted(tampered, bytes -> {
            float[] c = GemmBlobs.decodeMatrix(bytes, m, n);
            c[5 * n] += 0.5f; // one wrong element
            return GemmBlobs.encodeMatrix(c);
        });
        Cli.Run disputed = second.get();
        assertEquals(4, disputed.exit(), disputed.out() + disputed.err());
        assertTrue(disputed.out().contains("job " + tampered + ": disputed (row 5 of C·r is off by"), disputed.out());
        assertTrue(disputed.out().matches("(?s).*evidence bafkrei[a-z2-7]+, proposal [0-9]+.*"), disputed.out());
        assertEquals(JobState.DISPUTED, market.jobState(tampered));
    }

    @Test
    void renderTilesComeBackAsAPng() throws Exception {
        Path scene = Files.writeString(dir.resolve("scene.json"), org.hearth.compute.bench.BenchScene.scene().toJson());
        Path png = dir.resolve("image.png");
        BigInteger first = market.jobCount().add(BigInteger.ONE);
        CompletableFuture<Cli.Run> run = CompletableFuture.supplyAsync(() -> post("render", "--scene", scene.toString(), "--width", "24",
                "--height", "16", "--spp", "2", "--tiles", "2", "--price", "1", "--wait", "60", "--out", png.toString()));
        provider.completeWhenPosted(first, bytes -> bytes);
        provider.completeWhenPosted(first.add(BigInteger.ONE), bytes -> bytes);
        Cli.Run done = run.get();
        assertEquals(0, done.exit(), done.out() + done.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(24, image.getWidth());
        assertEquals(16, image.getHeight());
    }

    @Test
    void aJobNobodyTakesTimesOut() {
        Path scene = dir.resolve("lonely.json");
        Cli.Run run = post("render", "--scene", write(scene), "--width", "8", "--height", "8", "--spp", "1", "--price", "1", "--wait", "2");
        assertEquals(5, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains(": timed_out; no result within 2 s"), run.out());
    }

    private static String write(Path scene) {
        try {
            return Files.writeString(scene, org.hearth.compute.bench.BenchScene.scene().toJson()).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Cli.Run post(String kind, String... args) {
        List<String> all = new ArrayList<>(List.of("--rpc", rpc, "market", "post", kind, "--from", DevTx.ACCOUNTS[0],
                "--password-file", password.toString(), "--yes"));
        all.addAll(List.of(args));
        return Cli.run(data, all.toArray(String[]::new));
    }
}
