package org.hearth.node;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the local node alive for the desktop app: starts (or adopts) it, restarts it after a crash
 * with bounded back-off, stops it on request. Listeners hear every state change on the
 * supervisor's own thread.
 */
public final class NodeSupervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeSupervisor.class);

    private final LocalNode node;
    private final RestartPolicy policy;
    private final List<Consumer<NodeStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile NodeState state = NodeState.STOPPED;
    private volatile NodeRecord current;
    private volatile String message;
    private volatile int restarts;
    private volatile boolean startedHere;
    private volatile long generation;

    public NodeSupervisor(LocalNode node, RestartPolicy policy) {
        this.node = node;
        this.policy = policy;
    }

    public LocalNode node() {
        return node;
    }

    public void addListener(Consumer<NodeStatus> listener) {
        listeners.add(listener);
    }

    /** Starts or adopts the node and blocks until it answers; throws {@link NodeException} on failure. */
    public synchronized NodeRecord start() {
        if (state == NodeState.RUNNING && current != null) {
            return current;
        }
        boolean wasRunning = node.running().isPresent();
        change(NodeState.STARTING, null);
        try {
            NodeRecord record = node.start();
            startedHere = !wasRunning;
            policy.reset();
            adopt(record);
            return record;
        } catch (NodeException e) {
            change(NodeState.STOPPED, e.getMessage());
            throw e;
        }
    }

    /** Stops the node (also one this app adopted rather than started). */
    public synchronized void stop() {
        generation++;
        change(NodeState.STOPPING, null);
        node.stop(Duration.ofSeconds(10));
        current = null;
        change(NodeState.STOPPED, null);
    }

    /** On app exit: stop the node only if this process started it. */
    @Override
    public synchronized void close() {
        if (startedHere && current != null) {
            stop();
        } else {
            generation++;
        }
    }

    /** State, RPC URL, restarts and message, without asking the node (chain id and height are null). */
    public NodeStatus snapshot() {
        NodeRecord r = current;
        return new NodeStatus(state, r == null ? null : r.rpcUrl(), null, null, restarts, message);
    }

    /** Current status with live chain id and height (a quick local RPC round trip). */
    public NodeStatus status() {
        NodeRecord r = current;
        NodeState s = state;
        if (r == null) {
            return new NodeStatus(s, null, null, null, restarts, message);
        }
        try {
            RpcClient rpc = new RpcClient(r.rpcUrl(), new RpcClient.Options(Duration.ofMillis(500), Duration.ofSeconds(2), 1 << 20, 0, Duration.ZERO));
            return new NodeStatus(s, r.rpcUrl(), rpc.chainId(), rpc.blockNumber(), restarts, message);
        } catch (RpcException e) {
            return new NodeStatus(s, r.rpcUrl(), null, null, restarts, message);
        }
    }

    public NodeState state() {
        return state;
    }

    private void adopt(NodeRecord record) {
        current = record;
        long myGeneration = ++generation;
        change(NodeState.RUNNING, null);
        ProcessHandle.of(record.pid()).ifPresentOrElse(
                h -> h.onExit().thenRun(() -> onExit(myGeneration)),
                () -> onExit(myGeneration));
    }

    private void onExit(long exitedGeneration) {
        synchronized (this) {
            if (exitedGeneration != generation) {
                return; // stopped on purpose or already replaced
            }
            restarts++;
            current = null;
        }
        Optional<Duration> delay = policy.nextDelay(Instant.now());
        if (delay.isEmpty()) {
            LOG.warn("Local node exited again; giving up after repeated crashes");
            change(NodeState.CRASHED, "The local node keeps exiting; see its log. Start it again from the Node screen.");
            return;
        }
        LOG.warn("Local node exited unexpectedly; restarting in {} ms", delay.get().toMillis());
        change(NodeState.RESTARTING, "The local node exited unexpectedly; restarting.");
        Thread.ofVirtual().name("node-restart").start(() -> restartAfter(delay.get(), exitedGeneration));
    }

    private void restartAfter(Duration delay, long exitedGeneration) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            return;
        }
        synchronized (this) {
            if (exitedGeneration != generation || state != NodeState.RESTARTING) {
                return;
            }
            try {
                NodeRecord record = node.start();
                startedHere = true;
                adopt(record);
            } catch (RuntimeException e) { // NodeException, or an I/O failure writing the node record
                message = e.getMessage();
                onExitLater(generation);
            }
        }
    }

    private void onExitLater(long gen) {
        Thread.ofVirtual().start(() -> onExit(gen));
    }

    private void change(NodeState newState, String newMessage) {
        state = newState;
        if (newMessage != null || newState == NodeState.RUNNING) {
            message = newMessage;
        }
        NodeStatus snapshot = new NodeStatus(newState, current == null ? null : current.rpcUrl(), null, null, restarts, message);
        for (Consumer<NodeStatus> l : listeners) {
            try {
                l.accept(snapshot);
            } catch (RuntimeException e) {
                LOG.warn("Node status listener failed", e);
            }
        }
    }
}
