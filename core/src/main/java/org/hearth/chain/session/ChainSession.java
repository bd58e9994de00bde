package org.hearth.chain.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.hearth.chain.network.Network;
import org.hearth.chain.RpcClient;
import org.hearth.chain.RpcException;
import org.hearth.chain.tx.TxPipeline;
import org.hearth.chain.tx.TxTracker;
import org.hearth.history.AccountWatch;
import org.hearth.index.BlockIndexer;
import org.hearth.index.Erc20Transfers;
import org.hearth.nft.NftTransfers;
import org.hearth.index.LogIndexer;
import org.hearth.store.Database;
import org.hearth.store.DemoWorldRepository;
import org.hearth.store.KnownContractRepository;
import org.hearth.store.TxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything bound to one endpoint (the local node or an RPC URL), built once and shared by every
 * screen and command: the one RPC client (one HTTP client and its connections), the chain id, the
 * contract registry, the tx pipeline and tracker, and the indexer. A new endpoint (a node restarted
 * on another port, an RPC switched in Settings) gets a new session; closing one stops what it owns.
 */
public final class ChainSession implements AutoCloseable {

    /** The embedded local chain (indexed from genesis; the demo world lives there) or a node run by someone else. */
    public enum Kind { LOCAL, EXTERNAL }

    private static final Logger LOG = LoggerFactory.getLogger(ChainSession.class);

    private final RpcClient rpc;
    private final Kind kind;
    private final long chainId;
    private final String genesisHash;
    private final Database db;
    private final TxRepository transactions;
    private final TxPipeline pipeline;
    private final TxTracker tracker;
    private final AccountWatch accounts;
    private final ContractRegistry contracts;
    private final LogIndexer logs;
    private final Erc20Transfers erc20Transfers;
    private final NftTransfers nftTransfers;
    private final SessionIndexing indexing;
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();
    private volatile boolean closed;
    /** The saved network this session serves; null for the local node or a one-off URL. */
    private Network network;

    private ChainSession(RpcClient rpc, Kind kind, Database db, long indexStartBlock) {
        this.rpc = rpc;
        this.kind = kind;
        this.db = db;
        this.chainId = rpc.chainId();
        this.genesisHash = genesisHash(rpc);
        this.transactions = new TxRepository(db);
        this.pipeline = new TxPipeline(rpc, chainId, transactions);
        this.tracker = new TxTracker(rpc, transactions);
        this.accounts = AccountWatch.open(rpc, chainId, db, transactions, indexStartBlock);
        this.logs = new LogIndexer(rpc, chainId, db);
        this.erc20Transfers = new Erc20Transfers(db);
        logs.subscribe(erc20Transfers);
        this.nftTransfers = new NftTransfers(db);
        logs.subscribe(nftTransfers);
        org.hearth.tokens.ApprovalLogs approvals = new org.hearth.tokens.ApprovalLogs(db); // read through org.hearth.tokens.Approvals
        logs.subscribe(approvals);
        this.indexing = new SessionIndexing(accounts, logs, erc20Transfers, nftTransfers, approvals);
        owned.push(indexing);
        this.contracts = new ContractRegistry(chainId, genesisHash, new DemoWorldRepository(db), new KnownContractRepository(db));
    }

    /**
     * Connects to {@code endpoint} (one RPC client for the session's life). The indexer starts at
     * genesis on the local chain, and at the current head elsewhere (scanning a public chain block by
     * block from genesis is not practical). Throws {@link RpcException} when the node does not answer.
     */
    public static ChainSession open(URI endpoint, Kind kind, Database db) {
        RpcClient rpc = new RpcClient(endpoint);
        long start;
        try {
            start = kind == Kind.LOCAL ? 0 : rpc.blockNumber();
        } catch (RuntimeException e) {
            rpc.close();
            throw e;
        }
        return open(rpc, kind, db, start);
    }

    /**
     * A session on a saved network: one client over all its URLs with failover, expecting the
     * network's chain id; with several URLs a background probe keeps their heads and health fresh.
     * The local chain's network is opened with {@link #open(URI, Kind, Database)} on the node's URL.
     */
    public static ChainSession open(Network network, Database db) {
        if (network.local()) {
            throw new IllegalArgumentException("The local chain follows the local node; open it on the node's URL");
        }
        RpcClient rpc = new RpcClient(network.rpcUrls(), RpcClient.Options.defaults(), RpcClient.Failover.defaults(), network.chainId());
        long start;
        try {
            start = rpc.blockNumber();
        } catch (RuntimeException e) {
            rpc.close();
            throw e;
        }
        ChainSession session = open(rpc, Kind.EXTERNAL, db, start);
        session.network = network;
        if (network.rpcUrls().size() > 1) {
            session.own(EndpointProbe.start(rpc));
        }
        return session;
    }

    /** A session on a client made elsewhere (a test's); the session owns it from now on and closes it. */
    public static ChainSession open(RpcClient rpc, Kind kind, Database db, long indexStartBlock) {
        try {
            return new ChainSession(rpc, kind, db, indexStartBlock);
        } catch (RuntimeException e) {
            rpc.close();
            throw e;
        }
    }

    public RpcClient rpc() {
        return rpc;
    }

    public URI endpoint() {
        return rpc.endpoint();
    }

    /** The endpoint as shown to people and logs (no path, query or credentials). */
    public String displayEndpoint() {
        return rpc.displayEndpoint();
    }

    /** The saved network this session serves (empty: the local node or a one-off RPC URL). */
    public Optional<Network> network() {
        return Optional.ofNullable(network);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isLocal() {
        return kind == Kind.LOCAL;
    }

    public long chainId() {
        return chainId;
    }

    /** Hash of block 0: with the chain id, tells a reset chain from the one seen before. */
    public String genesisHash() {
        return genesisHash;
    }

    public Database database() {
        return db;
    }

    /** Known contracts by name and address: the demo world's and the user's. */
    public ContractRegistry contracts() {
        return contracts;
    }

    /** This chain's sent transactions as the app recorded them. */
    public TxRepository transactions() {
        return transactions;
    }

    /** The one way to sign and send: prepare, review, sign, send, speed up, cancel. */
    public TxPipeline pipeline() {
        return pipeline;
    }

    public TxTracker tracker() {
        return tracker;
    }

    /** The block indexer with the account-history subscribers, and the history that joins them. */
    public AccountWatch accounts() {
        return accounts;
    }

    public BlockIndexer blockIndexer() {
        return accounts.indexer();
    }

    /**
     * The one eth_getLogs indexer: subscribers with their own checkpoints (ERC-20 transfers of watched
     * accounts to begin with). Nothing runs it by itself: a CLI command steps it, the app starts
     * {@link #indexing()} to keep it moving in the background.
     */
    public LogIndexer logIndexer() {
        return logs;
    }

    /**
     * The background indexing of this session (the log indexer and the block readers on one runner),
     * its watched accounts and its progress. Started by whoever owns the session (the app's services);
     * a CLI command may step the indexers itself instead. Stopped when the session closes.
     */
    public SessionIndexing indexing() {
        return indexing;
    }

    /** ERC-20 Transfer events to and from the accounts watched through {@link #logIndexer()}. */
    public Erc20Transfers erc20Transfers() {
        return erc20Transfers;
    }

    /** ERC-721 and ERC-1155 transfers to and from the accounts watched through {@link #logIndexer()}. */
    public NftTransfers nftTransfers() {
        return nftTransfers;
    }

    /**
     * Hands {@code resource} (a background runner, a cache) to the session: it is closed with the
     * session, in reverse order of handing. Refused once the session is closed.
     */
    public synchronized <T extends AutoCloseable> T own(T resource) {
        if (closed) {
            throw new IllegalStateException("The session for " + displayEndpoint() + " is closed");
        }
        owned.push(resource);
        return resource;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Stops what the session owns, then its HTTP client; calls still in flight fail as unreachable. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        AutoCloseable next;
        while ((next = pollOwned()) != null) {
            try {
                next.close();
            } catch (Exception e) {
                LOG.warn("Closing {} of the session for {} failed", next, displayEndpoint(), e);
            }
        }
        rpc.close();
    }

    private synchronized AutoCloseable pollOwned() {
        return owned.poll();
    }

    private static String genesisHash(RpcClient rpc) {
        JsonNode block = rpc.call("eth_getBlockByNumber", "0x0", false);
        String hash = block == null ? null : block.path("hash").asText(null);
        if (hash == null) {
            throw new RpcException(rpc.displayEndpoint(), "eth_getBlockByNumber", "the node did not return its genesis block",
                    null, null, null);
        }
        return hash;
    }

    @Override
    public String toString() {
        return "ChainSession[" + kind + " chain " + chainId + " at " + displayEndpoint() + (closed ? ", closed" : "") + "]";
    }
}
