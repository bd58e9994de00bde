package org.hearth.app.desktop;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.hearth.node.DemoWorld;
import org.hearth.node.ExternalNode;
import org.hearth.node.NodeState;
import org.hearth.node.NodeStatus;

/**
 * What the window knows about the chain: state, endpoint, chain id, height, log tail and the demo
 * contracts. Shared by the status bar and the Node screen; refreshed once a second off the FX thread.
 */
public final class ChainModel implements AutoCloseable {

    private static final int LOG_LINES = 200;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChainModel.class);

    private final AppServices services;
    private final ScheduledExecutorService poller = Timers.daemon("chain-poller");
    private volatile ExternalNode external;
    private boolean polling;
    /** The log tail is read only while the Node screen shows it; state and height are app-wide (the status bar). */
    private volatile boolean followLog;

    public final ObjectProperty<NodeState> state = new SimpleObjectProperty<>(NodeState.STOPPED);
    public final StringProperty rpcUrl = new SimpleStringProperty("");
    public final ObjectProperty<Long> chainId = new SimpleObjectProperty<>();
    public final ObjectProperty<Long> height = new SimpleObjectProperty<>();
    public final StringProperty message = new SimpleStringProperty("");
    public final BooleanProperty busy = new SimpleBooleanProperty(false);
    public final StringProperty busyText = new SimpleStringProperty("");
    public final StringProperty logText = new SimpleStringProperty("");
    public final ObservableList<Map.Entry<String, String>> contracts = FXCollections.observableArrayList();

    public ChainModel(AppServices services) {
        this.services = services;
    }

    /** Starts (or attaches to) the chain in the background and deploys the demo world on a local one. */
    public void start(String startingText, String deployingText) {
        busy.set(true);
        busyText.set(startingText);
        URI rpc = services.options().rpc();
        UiThread.background(() -> {
            if (rpc != null) {
                external = ExternalNode.attach(rpc, null);
                return Map.<String, String>of();
            }
            services.supervisor().start();
            UiThread.run(() -> busyText.set(deployingText));
            RpcClient client = services.supervisor().rpc().orElseThrow();
            return new DemoWorld(client, services.demoWorld(), services.dataDir().chainDir().resolve("demo.lock")).ensure(null).contracts();
        }, deployed -> {
            LOG.info("Chain ready {} ms after launch", HearthApplication.sinceLaunch());
            busy.set(false);
            contracts.setAll(deployed.entrySet());
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

    private void refreshNow() {
        if (!poller.isShutdown()) { // the window may have closed while the chain was starting
            poller.execute(this::poll);
        }
    }

    private void poll() {
        try {
            if (external != null) {
                pollExternal();
            } else if (services.options().rpc() == null) {
                pollLocal();
            }
        } catch (RuntimeException e) {
            UiThread.run(() -> message.set(Messages.describe(e)));
        }
    }

    private void pollLocal() {
        NodeStatus status = services.supervisor().status();
        List<String> log = followLog ? services.supervisor().node().logTail(LOG_LINES) : null;
        UiThread.run(() -> {
            state.set(status.state());
            rpcUrl.set(status.rpcUrl() == null ? "" : status.rpcUrl().toString());
            chainId.set(status.chainId());
            height.set(status.height());
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

    private void pollExternal() {
        ExternalNode node = external;
        Long h;
        try {
            h = new RpcClient(node.rpc().endpoint(), new RpcClient.Options(Duration.ofSeconds(2), Duration.ofSeconds(4), 1 << 20, 0, Duration.ZERO)).blockNumber();
        } catch (RpcException e) {
            h = null;
        }
        Long height = h;
        UiThread.run(() -> {
            state.set(NodeState.ATTACHED);
            rpcUrl.set(node.rpc().displayEndpoint());
            chainId.set(node.chainId());
            this.height.set(height);
        });
    }

    /** The chain's RPC client once it answers: the local node's, or the attached external node's. */
    public java.util.Optional<RpcClient> rpc() {
        ExternalNode node = external;
        if (node != null) {
            return java.util.Optional.of(node.rpc());
        }
        return services.options().rpc() == null && state.get() == NodeState.RUNNING ? services.supervisor().rpc() : java.util.Optional.empty();
    }

    /** True on the embedded local chain (where the demo world and the backup-skip exist). */
    public boolean isLocalChain() {
        return services.options().rpc() == null;
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
