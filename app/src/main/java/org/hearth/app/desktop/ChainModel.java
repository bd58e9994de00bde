package org.hearth.app.desktop;

import java.net.URI;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hearth.chain.EndpointStatus;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.hearth.chain.network.Network;
import org.hearth.chain.network.NetworkRegistry;
import org.hearth.chain.session.ChainSession;
import org.hearth.index.SyncProgress;
import org.hearth.node.DemoWorld;
import org.hearth.node.NodeState;
import org.hearth.node.NodeStatus;
import org.hearth.store.SettingsRepository;

/**
 * What the window knows about the chain: the current {@link ChainSession} (replaced when the
 * endpoint changes: the local node restarted on a new port, an RPC URL set in Settings), state,
 * endpoint, chain id, height, log tail and the known contracts. Shared by the status bar and every
 * screen; refreshed once a second off the FX thread.
 */
public final class ChainModel implements AutoCloseable {

    /** Settings key: the JSON-RPC URL to use instead of the embedded local chain (empty: the local chain). */
    public static final String RPC_URL_KEY = "chain.rpcUrl";

    private static final int LOG_LINES = 200;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChainModel.class);

    private final AppServices services;
    private final ScheduledExecutorService poller = Timers.daemon("chain-poller");
    private final Runnable unsubscribe;
    /** The RPC URL in use; null for the embedded local chain. */
    private volatile URI external;
    /** The saved network chosen (the local chain by default); an RPC URL above, when set, goes before it. */
    private volatile Network network;
    private final NetworkRegistry networks;
    private boolean polling;
    /** The log tail is read only while the Node screen shows it; state and height are app-wide (the status bar). */
    private volatile boolean followLog;
    private int polls;

    private final ReadOnlyObjectWrapper<ChainSession> session = new ReadOnlyObjectWrapper<>();
    public final ObjectProperty<NodeState> state = new SimpleObjectProperty<>(NodeState.STOPPED);
    public final StringProperty rpcUrl = new SimpleStringProperty("");
    public final ObjectProperty<Long> chainId = new SimpleObjectProperty<>();
    public final ObjectProperty<Long> height = new SimpleObjectProperty<>();
    public final StringProperty message = new SimpleStringProperty("");
    public final BooleanProperty busy = new SimpleBooleanProperty(false);
    public final StringProperty busyText = new SimpleStringProperty("");
    public final StringProperty logText = new SimpleStringProperty("");
    public final ObservableList<Map.Entry<String, String>> contracts = FXCollections.observableArrayList();
    /** The name shown in the title and status bar: the network's, or empty while an RPC URL is used instead. */
    public final StringProperty networkName = new SimpleStringProperty("");
    /** Every RPC endpoint of the session: state, latency, head (the Node screen lists them). */
    public final ObservableList<EndpointStatus> endpoints = FXCollections.observableArrayList();
    /** How far the session's background indexing is (null: no session, or not stepped yet); the status bar shows it while behind. */
    public final ObjectProperty<SyncProgress> indexProgress = new SimpleObjectProperty<>();
    /** Stops the current session's progress reaching {@link #indexProgress}. */
    private Runnable progressHandle = () -> { };
    private volatile Long lastHeight;

    public ChainModel(AppServices services) {
        this.services = services;
        this.external = services.options().rpc() != null ? services.options().rpc() : savedEndpoint(services.settings()).orElse(null);
        this.networks = new NetworkRegistry(services.database());
        this.network = networks.current();
        this.networkName.set(external == null ? network.name() : "");
        this.unsubscribe = services.sessions().subscribe(this::published);
    }

    /** The networks of the data dir (the local chain first); read from SQLite, so call it off the FX thread when it matters. */
    public NetworkRegistry networks() {
        return networks;
    }

    /** The network in use, or empty while a one-off RPC URL is used instead. */
    public Optional<Network> network() {
        return external == null ? Optional.of(network) : Optional.empty();
    }

    /** What the status bar says while the chosen chain comes up: starting the local node, or connecting to a network. */
    public String startingText(java.util.ResourceBundle text) {
        return external != null || network.local() ? text.getString("status.starting")
                : String.format(text.getString("status.connecting"), network.name());
    }

    /**
     * Switches to the saved {@code next} network: remembered for the next start (an RPC URL set in
     * Settings is cleared), and the session replaced; screens follow. No restart of the app.
     */
    public void useNetwork(Network next, String startingText, String deployingText) {
        networks.use(next.name());
        services.settings().put(RPC_URL_KEY, "");
        external = null;
        network = next;
        networkName.set(next.name());
        chainId.set(null);
        height.set(null);
        start(startingText, deployingText);
    }

    /** The RPC URL saved in Settings; empty for the embedded local chain (or an unreadable value). */
    public static Optional<URI> savedEndpoint(SettingsRepository settings) {
        try {
            return settings.get(RPC_URL_KEY).filter(s -> !s.isBlank()).map(URI::create);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The current session, on the FX thread; null while the chain is down or starting. Screens follow it. */
    public ReadOnlyObjectProperty<ChainSession> session() {
        return session.getReadOnlyProperty();
    }

    /** The current session from any thread. */
    public Optional<ChainSession> currentSession() {
        return services.sessions().current();
    }

    /** Starts (or attaches to) the chain in the background and deploys the demo world on a local one. */
    public void start(String startingText, String deployingText) {
        busy.set(true);
        busyText.set(startingText);
        URI rpc = external;
        Network chosen = network;
        UiThread.background(() -> {
            if (rpc != null) {
                services.sessionKeeper().useExternal(rpc);
                return Map.<String, String>of();
            }
            if (!chosen.local()) {
                services.sessionKeeper().useNetwork(chosen);
                return Map.<String, String>of();
            }
            ChainSession local = services.sessionKeeper().useLocal();
            UiThread.run(() -> busyText.set(deployingText));
            Map<String, String> demo = new DemoWorld(local.rpc(), services.demoWorld(), services.dataDir().chainDir().resolve("demo.lock")).ensure(null).contracts();
            // The local chain's demo requester posts jobs once a provider registers; it stops with the session.
            org.hearth.market.requester.DemoRequester.start(local, services.dataDir().root(), LOG::info).ifPresent(local::own);
            return demo;
        }, deployed -> {
            LOG.info("Chain ready {} ms after launch", HearthApplication.sinceLaunch());
            busy.set(false);
            if (!deployed.isEmpty()) {
                contracts.setAll(deployed.entrySet());
            }
            message.set("");
            refreshNow();
        }, failure -> {
            busy.set(false);
            message.set(Messages.describe(failure));
            refreshNow();
        });
        if (!polling) {
            polling = true;
            poller.scheduleWithFixedDelay(this::poll, 0, 1, TimeUnit.SECONDS);
        }
    }

    /**
     * Switches to {@code url} (null: the embedded local chain), remembers it in the settings and
     * replaces the session; screens follow the new one. No restart of the app.
     */
    public void useEndpoint(URI url, String startingText, String deployingText) {
        services.settings().put(RPC_URL_KEY, url == null ? "" : url.toString());
        external = url;
        if (url == null) {
            network = networks.current();
        }
        networkName.set(url == null ? network.name() : "");
        chainId.set(null);
        height.set(null);
        start(startingText, deployingText);
    }

    /** The endpoint chosen: an RPC URL, or empty for the embedded local chain. */
    public Optional<URI> endpoint() {
        return Optional.ofNullable(external);
    }

    public void stop(String stoppingText) {
        busy.set(true);
        busyText.set(stoppingText);
        UiThread.background(() -> {
            services.supervisor().stop();
            return null;
        }, ignored -> busy.set(false), failure -> {
            busy.set(false);
            message.set(Messages.describe(failure));
        });
    }

    /** Whether the poll also reads the node's log tail (only the Node screen shows it). */
    public void followLog(boolean on) {
        followLog = on;
        if (on) {
            refreshNow();
        }
    }

    /** On the thread that replaced the session: reads its known contracts there, then tells the screens. */
    private void published(ChainSession next) {
        List<Map.Entry<String, String>> known = List.of();
        if (next != null) {
            try {
                known = next.contracts().all().stream()
                        .map(c -> (Map.Entry<String, String>) new AbstractMap.SimpleImmutableEntry<>(c.name(), c.address())).toList();
            } catch (RuntimeException e) {
                LOG.warn("Cannot list the known contracts of {}", next, e);
            }
        }
        List<Map.Entry<String, String>> shown = known;
        synchronized (this) {
            progressHandle.run();
            progressHandle = next == null ? () -> { } : next.indexing().onProgress(UiThread.latest(indexProgress::set));
        }
        SyncProgress now = next == null ? null : next.indexing().progress();
        UiThread.run(() -> {
            indexProgress.set(now);
            session.set(next);
            contracts.setAll(shown);
        });
        refreshNow();
    }

    private void refreshNow() {
        if (!poller.isShutdown()) { // the window may have closed while the chain was starting
            poller.execute(this::poll);
        }
    }

    private void poll() {
        try {
            ChainSession current = currentSession().orElse(null);
            // every few polls, ask each endpoint for its head (a network's session also probes on its own)
            List<EndpointStatus> statuses = current == null ? List.of()
                    : polls++ % 5 == 0 ? current.rpc().probe() : current.rpc().endpointStatuses();
            UiThread.run(() -> {
                if (!statuses.equals(endpoints)) {
                    endpoints.setAll(statuses);
                }
            });
            if (external != null || !network.local()) {
                pollExternal(current);
            } else {
                pollLocal(current);
            }
        } catch (RuntimeException e) {
            UiThread.run(() -> message.set(Messages.describe(e)));
        }
    }

    private void pollLocal(ChainSession current) {
        NodeStatus status = services.supervisor().snapshot();
        List<String> log = followLog ? services.supervisor().node().logTail(LOG_LINES) : null;
        boolean onNode = current != null && current.isLocal();
        Long id = onNode ? current.chainId() : null;
        Long h = onNode ? heightOf(current) : null;
        UiThread.run(() -> {
            state.set(status.state());
            rpcUrl.set(status.rpcUrl() == null ? "" : status.rpcUrl().toString());
            chainId.set(id);
            height.set(h);
            if (status.message() != null && !busy.get()) {
                message.set(status.message());
            }
            if (log != null) {
                String joined = String.join("\n", log);
                if (!joined.equals(logText.get())) {
                    logText.set(joined);
                }
            }
        });
    }

    private void pollExternal(ChainSession current) {
        boolean attached = current != null && !current.isLocal();
        Long id = attached ? current.chainId() : null;
        Long h = attached ? heightOf(current) : null;
        String shown = attached ? current.displayEndpoint() : "";
        UiThread.run(() -> {
            state.set(attached ? NodeState.ATTACHED : NodeState.STOPPED);
            rpcUrl.set(shown);
            chainId.set(id);
            height.set(h);
        });
    }

    /** The height, and a nudge to the session's indexing when it is new (the runner reads the new block at once). */
    private Long heightOf(ChainSession s) {
        try {
            Long h = s.rpc().blockNumber();
            if (!h.equals(lastHeight)) {
                lastHeight = h;
                s.indexing().wake();
            }
            return h;
        } catch (RpcException e) {
            return null;
        }
    }

    /** The current session's RPC client (the one HTTP client for the endpoint), once the chain answers. */
    public Optional<RpcClient> rpc() {
        return currentSession().map(ChainSession::rpc);
    }

    /** True on the embedded local chain (where the demo world and the backup-skip exist). */
    public boolean isLocalChain() {
        return external == null && network.local();
    }

    @Override
    public void close() {
        unsubscribe.run();
        synchronized (this) {
            progressHandle.run();
        }
        poller.shutdownNow();
    }
}
