package org.hearth.dao;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hearth.chain.RpcException;
import org.hearth.chain.abi.AbiException;
import org.hearth.chain.abi.AbiValue;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.session.ChainSession;
import org.hearth.index.FirstActivity;
import org.hearth.problem.HearthException;
import org.hearth.store.StoreException;

/**
 * A governor's proposals: found from its logs through the session's one {@link org.hearth.index.LogIndexer}
 * ({@link ProposalLogs}, one checkpoint per governor), read back from SQLite, and completed with what
 * the governor answers now ({@code state}, {@code proposalVotes}, {@code quorum}, {@code proposalEta}).
 */
public final class Proposals {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final ChainSession session;
    private final ProposalLogs logs = new ProposalLogs();
    private final ContractCalls calls;

    public Proposals(ChainSession session) {
        this.session = session;
        this.calls = new ContractCalls(session.rpc());
    }

    /** Follows {@code governor} (from genesis on the local chain, from its deployment elsewhere) and indexes to the head. */
    public void sync(Governor governor) throws InterruptedException {
        follow(governor);
        session.logIndexer().syncToHead();
    }

    /** Registers the governor with the indexer without scanning (the app's background indexer does that). */
    public void follow(Governor governor) {
        String key = governor.address().toLowerCase(Locale.ROOT);
        boolean known = session.logIndexer().cursors().stream()
                .anyMatch(c -> c.subscriber().equals(ProposalLogs.ID) && c.key().equals(key));
        long start = known || session.isLocal() ? 0 : FirstActivity.startBlock(session.rpc(), key, null, 0);
        session.logIndexer().watch(logs, key, start);
    }

    /** Stored proposals of {@code governor}, newest first. */
    public List<StoredProposal> stored(Governor governor) {
        return query("AND 1 = 1 ORDER BY block_number DESC, log_index DESC", governor, null);
    }

    public Optional<StoredProposal> stored(Governor governor, BigInteger id) {
        return query("AND proposal_id = ?", governor, id.toString()).stream().findFirst();
    }

    /** The stored proposal or {@code dao.unknownProposal}. */
    public StoredProposal require(Governor governor, BigInteger id) {
        return stored(governor, id).orElseThrow(() -> new HearthException("dao.unknownProposal", null, governor.address(), id.toString()));
    }

    /** State, tally, quorum and ETA as the governor answers them now. */
    public Proposal live(Governor governor, StoredProposal p) {
        String g = governor.address();
        ProposalState state = ProposalState.of(((BigInteger) calls.readOne(g, "state(uint256)(uint8)", p.id())).intValueExact());
        List<AbiValue> tally = calls.read(g, "proposalVotes(uint256)(uint256,uint256,uint256)", p.id());
        return new Proposal(p, state, (BigInteger) tally.get(1).value(), (BigInteger) tally.get(0).value(), (BigInteger) tally.get(2).value(),
                quorum(governor, p.voteStart()), eta(g, p.id()));
    }

    public List<Proposal> live(Governor governor) {
        return stored(governor).stream().map(p -> live(governor, p)).toList();
    }

    /** The quorum at {@code snapshot}; before the snapshot has passed, the quorum at the latest past timepoint. */
    public BigInteger quorum(Governor governor, BigInteger snapshot) {
        BigInteger now = clock(governor);
        BigInteger at = snapshot.compareTo(now) < 0 ? snapshot : now.subtract(BigInteger.ONE).max(BigInteger.ZERO);
        return (BigInteger) calls.readOne(governor.address(), "quorum(uint256)(uint256)", at);
    }

    /** The governor's clock now: {@code clock()}, or the block number for governors before ERC-6372. */
    public BigInteger clock(Governor governor) {
        try {
            return (BigInteger) calls.readOne(governor.address(), "clock()(uint48)");
        } catch (RpcException | AbiException e) {
            return BigInteger.valueOf(session.rpc().blockNumber());
        }
    }

    private BigInteger eta(String governor, BigInteger id) {
        try {
            BigInteger eta = (BigInteger) calls.readOne(governor, "proposalEta(uint256)(uint256)", id);
            return eta.signum() == 0 ? null : eta;
        } catch (RpcException | AbiException e) {
            return null; // a governor without proposalEta (before OpenZeppelin 5) or without a timelock
        }
    }

    /** Votes cast on proposal {@code id}, in chain order. */
    public List<Vote> votes(Governor governor, BigInteger id) {
        try (Connection c = session.database().connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT voter, support, weight, reason, params, block_number, tx_hash FROM dao_vote "
                        + "WHERE chain_id = ? AND governor = ? AND proposal_id = ? ORDER BY block_number, log_index")) {
            ps.setLong(1, session.chainId());
            ps.setString(2, governor.address().toLowerCase(Locale.ROOT));
            ps.setString(3, id.toString());
            List<Vote> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Vote(rs.getString(1), Vote.Support.of(rs.getInt(2)), new BigInteger(rs.getString(3)), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getString(7)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read votes: " + e.getMessage(), e);
        }
    }

    private List<StoredProposal> query(String tail, Governor governor, String id) {
        try (Connection c = session.database().connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT proposal_id, proposer, targets, amounts, calldatas, description, vote_start, vote_end, block_number, tx_hash "
                        + "FROM dao_proposal WHERE chain_id = ? AND governor = ? " + tail)) {
            ps.setLong(1, session.chainId());
            ps.setString(2, governor.address().toLowerCase(Locale.ROOT));
            if (id != null) {
                ps.setString(3, id);
            }
            List<StoredProposal> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredProposal(governor.address().toLowerCase(Locale.ROOT), new BigInteger(rs.getString(1)), rs.getString(2),
                            strings(rs.getString(3)), strings(rs.getString(4)).stream().map(BigInteger::new).toList(),
                            strings(rs.getString(5)), rs.getString(6), new BigInteger(rs.getString(7)), new BigInteger(rs.getString(8)),
                            rs.getLong(9), rs.getString(10)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read proposals: " + e.getMessage(), e);
        }
    }

    private static List<String> strings(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (IOException e) {
            throw new StoreException("A stored proposal is corrupt: " + e.getMessage(), e);
        }
    }
}
