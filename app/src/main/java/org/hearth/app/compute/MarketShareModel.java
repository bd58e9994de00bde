package org.hearth.app.compute;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hearth.app.desktop.AppServices;
import org.hearth.app.desktop.Messages;
import org.hearth.app.desktop.UiThread;
import org.hearth.app.wallet.WalletModel;
import org.hearth.chain.session.ChainSession;
import org.hearth.compute.blob.BlobServer;
import org.hearth.compute.blob.BlobStore;
import org.hearth.compute.energy.ElectricityEstimate;
import org.hearth.compute.energy.EnergyLedger;
import org.hearth.compute.provider.JobSource;
import org.hearth.compute.provider.ProviderAgent;
import org.hearth.compute.provider.ProviderSettings;
import org.hearth.market.MarketContract;
import org.hearth.market.agent.MarketAgentConfig;
import org.hearth.market.agent.MarketLoop;
import org.hearth.market.MarketSender;
import org.hearth.market.earnings.EarningsReport;
import org.hearth.market.earnings.JobHistory;
import org.hearth.market.share.ShareAccount;

/**
 * The Compute screen's market side: which account shares on the market (stored once set up), its
 * standing (stake, credits, cooldown), earnings and job history, all read from core; and the market
 * job source handed to the one provider agent when sharing starts.
 */
public final class MarketShareModel implements AutoCloseable {

    static final String ACCOUNT_KEY = "compute.market.account";

    /** The account set up to share on the market; "" before setup. */
    public final StringProperty account = new SimpleStringProperty("");
    /** Its standing on the current session's market; null until read or without a market. */
    public final ObjectProperty<ShareAccount> standing = new SimpleObjectProperty<>();
    public final ObjectProperty<EarningsReport> report = new SimpleObjectProperty<>();
    public final ObservableList<JobHistory.Entry> history = FXCollections.observableArrayList();
    public final StringProperty error = new SimpleStringProperty("");

    private final AppServices services;
    private final WalletModel wallet;
    private final ProviderAgent agent;
    private BlobServer server;

    MarketShareModel(AppServices services, WalletModel wallet) {
        this.services = services;
        this.wallet = wallet;
        this.agent = services.provider();
        account.set(services.settings().get(ACCOUNT_KEY).orElse(""));
    }

    Optional<ChainSession> session() {
        return services.sessions().current();
    }

    WalletModel wallet() {
        return wallet;
    }

    org.hearth.store.SettingsRepository settings() {
        return services.settings();
    }

    /** Whether sharing would go to the market: set up, a market on this chain, the wallet unlocked to sign. */
    boolean marketReady() {
        return !account.get().isEmpty() && wallet.state.get() == WalletModel.State.UNLOCKED
                && session().flatMap(MarketContract::of).isPresent();
    }

    /** Set up on this chain's market but the wallet is locked, so market sharing cannot sign. */
    boolean needsUnlock() {
        return !account.get().isEmpty() && wallet.state.get() != WalletModel.State.UNLOCKED
                && session().flatMap(MarketContract::of).isPresent();
    }

    /** Re-reads standing, history and earnings off the FX thread for {@code who} (the setup's chosen account, or the stored one). */
    public void refresh(String who) {
        Optional<ChainSession> s = session();
        if (s.isEmpty() || who == null || who.isEmpty()) {
            return;
        }
        ChainSession session = s.get();
        ProviderSettings choices = new ProviderSettings(services.settings());
        EnergyLedger ledger = new EnergyLedger(services.database());
        UiThread.background(() -> {
            Optional<MarketContract> market = MarketContract.of(session);
            if (market.isEmpty()) {
                return null;
            }
            ShareAccount standingNow = ShareAccount.read(session, market.get(), who);
            List<JobHistory.Entry> jobs = JobHistory.load(session.database(), session.chainId(), market.get().address(), who);
            ElectricityEstimate power = ElectricityEstimate.of(ledger.since(LocalDate.now().minusDays(30)), choices.pricePerKwh());
            EarningsReport earnings = EarningsReport.of(jobs.stream().map(JobHistory.Entry::job).toList(), power, ZoneId.systemDefault());
            return new Object[] {standingNow, jobs, earnings};
        }, read -> {
            if (read != null) {
                standing.set((ShareAccount) read[0]);
                @SuppressWarnings("unchecked")
                List<JobHistory.Entry> jobs = (List<JobHistory.Entry>) read[1];
                if (!history.equals(jobs)) {
                    history.setAll(jobs); // unchanged rows stay, so a selection is kept
                }
                report.set((EarningsReport) read[2]);
                error.set("");
            }
        }, e -> error.set(Messages.describe(e)));
    }

    /** Setup finished (the registration is mined): from now on sharing goes to the market as {@code who}. */
    void joined(String who) {
        services.settings().put(ACCOUNT_KEY, who);
        account.set(who);
        refresh(who);
    }

    /** Hands the agent the market job source for the next start; false (local jobs) when the market is not ready. */
    boolean prepareSource() {
        if (!marketReady()) {
            agent.setSource(JobSource.Factory.LOCAL);
            return false;
        }
        ChainSession session = session().orElseThrow();
        MarketContract market = MarketContract.of(session).orElseThrow();
        String who = account.get();
        BlobStore store = new BlobStore(services.dataDir().root().resolve("blobs"), BlobStore.DEFAULT_MAX_BYTES);
        synchronized (this) {
            if (server == null) {
                server = BlobServer.startLoopback(store);
            }
        }
        MarketSender sender = new MarketSender(session, wallet.signer(who), Set.of(market.address(), market.token()));
        MarketAgentConfig config = MarketAgentConfig.of(session, market, sender, data -> wallet.signTypedData(who, data), null, store,
                server.base());
        agent.setSource(MarketLoop.factory(config, (job, line) -> agent.note(job == null ? line : "Job #" + job.id() + ": " + line)));
        return true;
    }

    /** The blob server's base, which the market lists as this provider's endpoint. */
    synchronized String endpoint(BlobStore store) {
        if (server == null) {
            server = BlobServer.startLoopback(store);
        }
        return server.base().toString();
    }

    BlobStore blobs() {
        return new BlobStore(services.dataDir().root().resolve("blobs"), BlobStore.DEFAULT_MAX_BYTES);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
        }
    }
}
