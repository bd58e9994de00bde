package org.hearth.market.agent;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.hearth.chain.tx.PrivateKeySigner;
import org.hearth.compute.blob.BlobServer;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.provider.MachineProbe;
import org.hearth.compute.provider.ProviderAgent;
import org.hearth.compute.provider.ProviderPolicy;
import org.hearth.compute.worker.WorkerOptions;
import org.hearth.market.MarketSender;
import org.hearth.testing.MarketWorld;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;

/** A provider agent in market mode for tests: an anvil dev account's key, its own blob store and server, the CPU worker. */
final class ProviderHarness implements AutoCloseable {

    /** The build keeps this machine busy: tests do not wait for idleness or mains power. */
    static final ProviderPolicy ALWAYS = new ProviderPolicy(false, false, 100, 0, 24);
    /** anvil's dev account 3 and its well-known key. */
    static final String PROVIDER = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
    static final String PROVIDER_KEY = "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6";
    static final Duration WAIT = Duration.ofSeconds(90);

    final List<String> lines = new CopyOnWriteArrayList<>();
    final BlobStore store;
    final BlobServer server;
    final MarketAgentConfig config;
    final ProviderAgent agent;

    ProviderHarness(MarketWorld w, Path blobs, ProviderPolicy policy, MarketLoop.Listener extra) {
        this(w, Credentials.create(PROVIDER_KEY).getEcKeyPair(), blobs, policy, extra);
    }

    /** {@code key}: another dev account's, for tests that run several agents on one market. */
    ProviderHarness(MarketWorld w, ECKeyPair key, Path blobs, ProviderPolicy policy, MarketLoop.Listener extra) {
        this(w, key, blobs, policy, extra, c -> c);
    }

    /** {@code tune}: changes to the agent's market settings (e.g. how many jobs it may hold). */
    ProviderHarness(MarketWorld w, ECKeyPair key, Path blobs, ProviderPolicy policy, MarketLoop.Listener extra,
                    java.util.function.UnaryOperator<MarketAgentConfig> tune) {
        store = new BlobStore(blobs, BlobStore.DEFAULT_MAX_BYTES);
        server = BlobServer.startLoopback(store);
        MarketSender sender = new MarketSender(w.session, new PrivateKeySigner(key), Set.of(w.market.address(), w.token()));
        MarketAgentConfig config = MarketAgentConfig.of(w.session, w.market, sender, data -> data.sign(key), null, store, server.base())
                .withPollInterval(Duration.ofMillis(300));
        this.config = tune.apply(config);
        MarketLoop.Listener listener = (job, line) -> {
            lines.add(line);
            extra.job(job, line);
        };
        agent = new ProviderAgent(ProviderAgent.Settings.defaults().withWorker(WorkerOptions.defaults().withBackends(List.of("cpu")))
                .withPolicyInterval(Duration.ofMillis(200)), policy, new MachineProbe(), MarketLoop.factory(this.config, listener));
    }

    ProviderHarness start() {
        agent.start();
        return this;
    }

    static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + WAIT);
            }
            Thread.sleep(250);
        }
    }

    static BigInteger hrth(long whole) {
        return MarketWorld.HRTH.multiply(BigInteger.valueOf(whole));
    }

    @Override
    public void close() {
        agent.close();
        server.close();
    }
}
