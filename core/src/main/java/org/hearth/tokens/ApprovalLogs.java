package org.hearth.tokens;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.hearth.chain.abi.AbiEvent;
import org.hearth.index.ChainLog;
import org.hearth.index.LogFilter;
import org.hearth.index.LogSubscriber;
import org.hearth.index.SubscriberRows;
import org.hearth.store.Database;
import org.hearth.store.StoreException;

/**
 * Approvals granted by watched accounts (the keys): ERC-20 {@code Approval} (owner and spender
 * indexed, the amount in data) and ERC-721/1155 {@code ApprovalForAll}. ERC-721's single-token
 * {@code Approval} indexes its token id (four topics) and is left out. Malformed logs are skipped:
 * any contract can emit these.
 */
public final class ApprovalLogs implements LogSubscriber {

    public static final String ID = "token-approvals";

    static final AbiEvent APPROVAL = AbiEvent.parse("Approval(address indexed owner,address indexed spender,uint256 value)");
    static final AbiEvent APPROVAL_FOR_ALL = AbiEvent.parse("ApprovalForAll(address indexed owner,address indexed operator,bool approved)");

    /** One (token, spender) pair an owner has approved at some point: what to read on chain. */
    public record Grant(String token, String spender, boolean operator) {
    }

    private final Database db;

    public ApprovalLogs(Database db) {
        this.db = db;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<LogFilter> filters(Collection<String> keys) {
        List<String> owners = keys.stream().map(LogFilter::addressTopic).toList();
        return List.of(new LogFilter(List.of(), Arrays.asList(List.of(APPROVAL.topic0(), APPROVAL_FOR_ALL.topic0()), owners)));
    }

    @Override
    public void write(Connection c, long chainId, List<ChainLog> logs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO token_approval"
                + "(chain_id, token, block_number, tx_hash, log_index, kind, owner, spender, value) VALUES(?,?,?,?,?,?,?,?,?)")) {
            for (ChainLog log : logs) {
                if (log.topics().size() != 3 || log.data().length() != 66) {
                    continue; // ERC-721's single-token Approval (id indexed) or a malformed emitter
                }
                boolean operator = APPROVAL_FOR_ALL.topic0().equals(log.topics().getFirst());
                BigInteger value = new BigInteger(log.data().substring(2), 16);
                ps.setLong(1, chainId);
                ps.setString(2, log.address().toLowerCase(Locale.ROOT));
                ps.setLong(3, log.blockNumber());
                ps.setString(4, log.txHash());
                ps.setInt(5, log.logIndex());
                ps.setString(6, operator ? "operator" : "erc20");
                ps.setString(7, SubscriberRows.topicAddress(log.topics().get(1)));
                ps.setString(8, SubscriberRows.topicAddress(log.topics().get(2)));
                ps.setString(9, value.toString());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public void rollback(Connection c, long chainId, Collection<String> keys, long fromBlock) throws SQLException {
        SubscriberRows.deleteFrom(c, "token_approval", chainId, fromBlock, keys, List.of("owner"));
    }

    /** Every (token, spender) pair {@code owner} has approved in a stored log, in the order first seen. */
    public List<Grant> grants(long chainId, String owner) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT token, spender, kind FROM token_approval WHERE chain_id = ? AND owner = ? "
                        + "GROUP BY token, spender, kind ORDER BY MIN(block_number), MIN(log_index)")) {
            ps.setLong(1, chainId);
            ps.setString(2, owner.toLowerCase(Locale.ROOT));
            List<Grant> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Grant(rs.getString(1), rs.getString(2), rs.getString(3).equals("operator")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read token approvals: " + e.getMessage(), e);
        }
    }
}
