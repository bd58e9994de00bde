package org.hearth.chain.session;

import java.net.URI;
import java.util.function.Supplier;
import org.hearth.chain.network.Network;
import org.hearth.node.NodeRecord;
import org.hearth.node.NodeStatus;
import org.hearth.node.NodeSupervisor;
import org.hearth.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link SessionHolder} on the endpoint in use: the local node, followed through its
 * restarts (each may land on a new port), or an external RPC URL. A stopped or restarting node
 * leaves no session; a running one gets a fresh session on its URL.
 */
public final class SessionKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(SessionKeeper.class);

    private final SessionHolder holder;
    private final Database db;
    private final Supplier<NodeSupervisor> supervisor;
    private volatile boolean followingNode;
    private boolean listening;

    /** {@code supervisor}: asked for only when the local node is used (locating anvil may fail). */
    public SessionKeeper(SessionHolder holder, Database db, Supplier<NodeSupervisor> supervisor) {
        this.holder = holder;
        this.db = db;
        this.supervisor = supervisor;
    }

    public SessionHolder holder() {
        return holder;
    }

    /** Starts (or adopts) the local node and returns a session on it; later restarts replace the session. Blocking. */
    public ChainSession useLocal() {
        NodeSupervisor node = supervisor.get();
        synchronized (this) {
            if (!listening) {
                listening = true;
                node.addListener(this::onNodeStatus);
            }
        }
        followingNode = true;
        // Not under this object's lock: the supervisor calls onNodeStatus under its own lock.
        NodeRecord record = node.start();
        return ensure(record.rpcUrl(), ChainSession.Kind.LOCAL);
    }

    /** Replaces the session with one on {@code url} and stops following the local node. Blocking; throws when it does not answer. */
    public ChainSession useExternal(URI url) {
        followingNode = false;
        try {
            return ensure(url, ChainSession.Kind.EXTERNAL);
        } catch (RuntimeException e) {
            holder.replace(null);
            throw e;
        }
    }

    /**
     * Replaces the session with one on {@code network} (the local chain: {@link #useLocal()}); the
     * client fails over between the network's URLs. Blocking; throws when none answers.
     */
    public ChainSession useNetwork(Network network) {
        if (network.local()) {
            return useLocal();
        }
        followingNode = false;
        try {
            synchronized (this) {
                ChainSession current = holder.current().orElse(null);
                if (current != null && !current.isClosed() && current.network().filter(network::equals).isPresent()) {
                    return current;
                }
                ChainSession next = ChainSession.open(network, db);
                holder.replace(next);
                return next;
            }
        } catch (RuntimeException e) {
            holder.replace(null);
            throw e;
        }
    }

    /** Whether sessions follow the local node (false after {@link #useExternal}). */
    public boolean followsLocalNode() {
        return followingNode;
    }

    private void onNodeStatus(NodeStatus status) {
        if (!followingNode) {
            return;
        }
        switch (status.state()) {
            case RUNNING -> {
                try {
                    ensure(status.rpcUrl(), ChainSession.Kind.LOCAL);
                } catch (RuntimeException e) {
                    LOG.warn("No session on the restarted local node at {}: {}", status.rpcUrl(), e.getMessage());
                    holder.replace(null);
                }
            }
            case STARTING -> { }
            default -> dropLocal(); // stopping, stopped, restarting, crashed: its endpoint is gone
        }
    }

    /** The current session if it is on {@code url}, else a new one that replaces it. */
    private synchronized ChainSession ensure(URI url, ChainSession.Kind kind) {
        ChainSession current = holder.current().orElse(null);
        if (kind == ChainSession.Kind.LOCAL && !followingNode) {
            return current; // a node event that arrived after the switch to an external endpoint
        }
        if (current != null && !current.isClosed() && current.kind() == kind && current.network().isEmpty() && current.endpoint().equals(url)) {
            return current;
        }
        ChainSession next = ChainSession.open(url, kind, db);
        holder.replace(next);
        return next;
    }

    private synchronized void dropLocal() {
        holder.current().filter(ChainSession::isLocal).ifPresent(s -> holder.replace(null));
    }
}
