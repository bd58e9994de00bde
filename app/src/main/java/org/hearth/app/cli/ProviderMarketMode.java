package org.hearth.app.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.tx.TxSigner;
import org.hearth.compute.blob.BlobGateways;
import org.hearth.compute.blob.BlobServer;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.provider.JobSource;
import org.hearth.compute.provider.ProviderStatusFile;
import org.hearth.market.MarketContract;
import org.hearth.market.agent.MarketAgentConfig;
import org.hearth.market.agent.MarketLoop;
import org.hearth.market.MarketSender;
import org.hearth.money.Amounts;
import org.hearth.problem.HearthException;
import org.hearth.store.SettingsRepository;
import org.hearth.wallet.WalletService;
import org.hearth.wallet.vault.UnlockedVault;
import org.hearth.wallet.vault.Vault;

/**
 * What {@code hearth provider start --account A --password-file F [--stake HRTH]} adds to the headless agent:
 * the chain session (the one way in, {@link CliSession}), the market, the account's key (the wallet
 * unlocked once and kept open until the agent stops), the data dir's blob store served on a free
 * loopback port, and the market job source. Closing releases them in reverse order.
 */
final class ProviderMarketMode implements AutoCloseable {

    private final List<AutoCloseable> owned = new ArrayList<>();
    final JobSource.Factory sources;
    final ProviderStatusFile.MarketRef ref;

    ProviderMarketMode(HearthCommand root, PrintWriter out, String account, Path passwordFile, String stake) {
        try {
            ChainSession session = own(CliSession.open(root, out));
            MarketContract market = MarketContract.of(session).orElseThrow(() -> new HearthException("market.noMarket", null));
            BigInteger stakeWei = stake == null ? null : Amounts.parse(stake, decimals(session, market));
            WalletService wallet = new WalletService(Vault.inDataDir(root.dataDir().root()));
            UnlockedVault open = own(wallet.unlock(WalletFiles.password(passwordFile)));
            TxSigner signer = wallet.signer(open, account);
            BlobStore store = BlobStore.inDataDir(root.dataDir().root());
            BlobServer server = own(BlobServer.startLoopback(store));
            List<java.net.URI> gateways = BlobGateways.parse(new SettingsRepository(session.database()).get(BlobGateways.SETTING).orElse(""));
            MarketAgentConfig config = MarketAgentConfig.of(session, market,
                    new MarketSender(session, signer, Set.of(market.address(), market.token())),
                    data -> wallet.signTypedData(open, signer.address(), data), stakeWei, store, server.base())
                    .withGateways(gateways).withPollInterval(Duration.ofSeconds(1));
            this.ref = new ProviderStatusFile.MarketRef(session.chainId(), market.address(), signer.address());
            this.sources = MarketLoop.factory(config, (job, line) -> {
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            });
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static int decimals(ChainSession session, MarketContract market) {
        return ((BigInteger) new ContractCalls(session.rpc()).readOne(market.token(), "decimals()(uint8)")).intValueExact();
    }

    private <T extends AutoCloseable> T own(T resource) {
        owned.add(resource);
        return resource;
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                // stopping: the rest must still be released
            }
        }
        owned.clear();
    }
}
