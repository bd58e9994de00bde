package org.hearth.app.desktop;

import org.hearth.chain.session.SessionHolder;
import org.hearth.chain.session.SessionKeeper;
import org.hearth.compute.provider.ProviderAgent;
import org.hearth.compute.provider.ProviderPolicy;
import org.hearth.config.DataDir;
import org.hearth.node.AnvilLocator;
import org.hearth.node.LocalNode;
import org.hearth.node.LocalNodeConfig;
import org.hearth.node.NodeSupervisor;
import org.hearth.node.RestartPolicy;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.store.SettingsRepository;
import org.hearth.wallet.vault.Vault;

/** The core services one window uses, built once from the launch options. */
public final class AppServices implements AutoCloseable {

    private final LaunchOptions options;
    private final DataDir dataDir;
    private final Database database;
    private final SettingsRepository settings;
    private final DemoWorldRepository demoWorld;
    private final Vault vault;
    /** The current chain session, shared by every screen; the keeper replaces it when the endpoint changes. */
    private final SessionHolder sessions = new SessionHolder();
    private final SessionKeeper sessionKeeper;
    /** Watches the wallet's accounts on every session and keeps its indexing running in the background. */
    private final AccountIndexing accountIndexing;
    private NodeSupervisor supervisor;
    private ProviderAgent provider;
    private org.hearth.compute.blob.BlobServer blobServer;

    private AppServices(LaunchOptions options, DataDir dataDir, Database database) {
        this.options = options;
        this.dataDir = dataDir;
        this.database = database;
        this.settings = new SettingsRepository(database);
        this.demoWorld = new DemoWorldRepository(database);
        this.vault = Vault.inDataDir(dataDir.root());
        this.sessionKeeper = new SessionKeeper(sessions, database, this::supervisor);
        this.accountIndexing = new AccountIndexing(sessions, vault, settings);
    }

    public static AppServices open(LaunchOptions options) {
        DataDir dataDir = DataDir.resolve(options.dataDir()).ensureExists();
        return new AppServices(options, dataDir, Database.open(dataDir.databaseFile()));
    }

    public LaunchOptions options() {
        return options;
    }

    public DataDir dataDir() {
        return dataDir;
    }

    public Database database() {
        return database;
    }

    public SettingsRepository settings() {
        return settings;
    }

    /** The wallet's encrypted vault file in the data dir (it may not exist yet). */
    public Vault vault() {
        return vault;
    }

    public DemoWorldRepository demoWorld() {
        return demoWorld;
    }

    /** The current chain session (observable); see {@link ChainModel#session()} for the FX side. */
    public SessionHolder sessions() {
        return sessions;
    }

    /** Opens the session on the local node (following its restarts) or on an RPC URL. */
    public SessionKeeper sessionKeeper() {
        return sessionKeeper;
    }

    /** The background indexing of the wallet's accounts (tell it when the account list changes). */
    public AccountIndexing accountIndexing() {
        return accountIndexing;
    }

    /** The local node supervisor, created on first use (locating anvil may fail with a clear message). */
    public synchronized NodeSupervisor supervisor() {
        if (supervisor == null) {
            supervisor = new NodeSupervisor(new LocalNode(dataDir, AnvilLocator.locate(), LocalNodeConfig.defaults()), RestartPolicy.defaults());
        }
        return supervisor;
    }

    /** The compute provider agent, created on first use; it runs whatever screen is open (the Compute screen sets its policy). */
    public synchronized ProviderAgent provider() {
        if (provider == null) {
            provider = new ProviderAgent(ProviderAgent.Settings.defaults(), ProviderPolicy.DEFAULT);
        }
        return provider;
    }

    /** The data dir's blobs over loopback HTTP (/ipfs/{cid}), started on first use: the local chain's default IPFS gateway. */
    public synchronized org.hearth.compute.blob.BlobServer blobServer() {
        if (blobServer == null) {
            blobServer = org.hearth.compute.blob.BlobServer.startLoopback(org.hearth.compute.blob.BlobStore.inDataDir(dataDir.root()));
        }
        return blobServer;
    }

    @Override
    public synchronized void close() {
        if (blobServer != null) {
            blobServer.close();
        }
        if (provider != null) {
            provider.close();
        }
        accountIndexing.close();
        sessions.close();
        if (supervisor != null) {
            supervisor.close();
        }
    }
}
