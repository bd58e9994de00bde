package org.hearth.app.cli;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import org.hearth.money.Amounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hearth market post gemm|render ...}: posts a job with escrow through the review, serves its
 * inputs, and with {@code --wait} verifies the result, accepts or disputes it and writes it
 * (exit 0 accepted, 4 disputed, 5 timeout).
 */
@Command(name = "post", description = "Post a gemm or render job with escrow (HRTH) and optionally wait for the verified result.",
        subcommands = {MarketPostCommand.Gemm.class, MarketPostCommand.Render.class})
public final class MarketPostCommand {

    private static final int HRTH_DECIMALS = 18;

    @Command(name = "gemm", description = "C = A·B on a provider's device: A m×k and B k×n as raw row-major little-endian f32 files.")
    static final class Gemm implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        MarketPosting.Common common;
        @Option(names = "--a", required = true, paramLabel = "FILE")
        Path a;
        @Option(names = "--b", required = true, paramLabel = "FILE")
        Path b;
        @Option(names = "--m", required = true)
        int m;
        @Option(names = "--n", required = true)
        int n;
        @Option(names = "--k", required = true)
        int k;

        @Override
        public Integer call() throws Exception {
            long limit = 4L * Math.max((long) m * k, (long) k * n);
            byte[] aBytes = read(a, limit);
            byte[] bBytes = read(b, limit);
            return new MarketPosting(spec, common).run(requester -> List.of(requester.postGemm(aBytes, bBytes, m, n, k, price(common.price))));
        }
    }

    @Command(name = "render", description = "Path-trace a Hearth scene (JSON) on providers' devices, one job per tile; the image comes back as PNG.")
    static final class Render implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        MarketPosting.Common common;
        @Option(names = "--scene", required = true, paramLabel = "FILE")
        Path scene;
        @Option(names = "--width", required = true)
        int width;
        @Option(names = "--height", required = true)
        int height;
        @Option(names = "--spp", required = true, description = "Samples per pixel.")
        int spp;
        @Option(names = "--tiles", defaultValue = "1", description = "Jobs to split the image into (rows × columns, as square as the count allows); --price is split over them.")
        int tiles;
        @Option(names = "--seed", description = "Seed of the per-pixel random numbers (default: random).")
        Long seed;

        @Override
        public Integer call() throws Exception {
            String json = new String(read(scene, 64 * 1024), java.nio.charset.StandardCharsets.UTF_8);
            long s = seed != null ? seed : new SecureRandom().nextLong();
            return new MarketPosting(spec, common).run(requester -> requester.postRender(json, width, height, spp, tiles, s, price(common.price)));
        }
    }

    static BigInteger price(String hrth) {
        BigInteger wei = Amounts.parse(hrth, HRTH_DECIMALS);
        if (wei.signum() <= 0) {
            throw new IllegalArgumentException("--price must be above zero");
        }
        return wei;
    }

    static byte[] read(Path file, long max) throws java.io.IOException {
        if (Files.size(file) > max) {
            throw new IllegalArgumentException(file + " is larger than " + max + " bytes; refused.");
        }
        return Files.readAllBytes(file);
    }
}
