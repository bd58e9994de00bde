package org.hearth.dao;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.AbiEvent;
import org.hearth.chain.abi.AbiException;
import org.hearth.chain.abi.AbiValue;
import org.hearth.index.ChainLog;
import org.hearth.index.LogFilter;
import org.hearth.index.LogSubscriber;
import org.hearth.index.SubscriberRows;

/**
 * Proposals and votes of governors (the keys: governor addresses, lower case) from their
 * {@code ProposalCreated}, {@code VoteCast} and {@code VoteCastWithParams} logs, stored as the logs
 * say; a log that does not decode (another contract's event of the same name) is skipped.
 */
public final class ProposalLogs implements LogSubscriber {

    public static final String ID = "dao-proposals";

    static final AbiEvent PROPOSAL_CREATED = AbiEvent.parse("ProposalCreated(uint256 proposalId,address proposer,address[] targets,"
            + "uint256[] values,string[] signatures,bytes[] calldatas,uint256 voteStart,uint256 voteEnd,string description)");
    static final AbiEvent VOTE_CAST = AbiEvent.parse("VoteCast(address indexed voter,uint256 proposalId,uint8 support,uint256 weight,string reason)");
    static final AbiEvent VOTE_CAST_WITH_PARAMS = AbiEvent.parse(
            "VoteCastWithParams(address indexed voter,uint256 proposalId,uint8 support,uint256 weight,string reason,bytes params)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<LogFilter> filters(Collection<String> keys) {
        return List.of(new LogFilter(List.copyOf(keys),
                List.of(List.of(PROPOSAL_CREATED.topic0(), VOTE_CAST.topic0(), VOTE_CAST_WITH_PARAMS.topic0()))));
    }

    @Override
    public void write(Connection c, long chainId, List<ChainLog> logs) throws SQLException {
        try (PreparedStatement proposal = c.prepareStatement("INSERT OR IGNORE INTO dao_proposal(chain_id, governor, proposal_id, proposer, "
                + "targets, amounts, calldatas, description, vote_start, vote_end, block_number, tx_hash, log_index) "
                + "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement vote = c.prepareStatement("INSERT OR IGNORE INTO dao_vote(chain_id, governor, proposal_id, voter, support, "
                     + "weight, reason, params, block_number, tx_hash, log_index) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ChainLog log : logs) {
                String topic = log.topics().isEmpty() ? "" : log.topics().getFirst();
                try {
                    if (topic.equals(PROPOSAL_CREATED.topic0())) {
                        addProposal(proposal, chainId, log);
                    } else if (topic.equals(VOTE_CAST.topic0())) {
                        addVote(vote, chainId, log, Abi.decodeLog(VOTE_CAST, log.topics(), log.data()), null);
                    } else if (topic.equals(VOTE_CAST_WITH_PARAMS.topic0())) {
                        List<AbiValue> v = Abi.decodeLog(VOTE_CAST_WITH_PARAMS, log.topics(), log.data());
                        addVote(vote, chainId, log, v, (String) v.get(5).value());
                    }
                } catch (AbiException | ClassCastException | IndexOutOfBoundsException e) {
                    // not the Governor's event shape (or too large to decode): nothing Hearth can show
                }
            }
            proposal.executeBatch();
            vote.executeBatch();
        }
    }

    private static void addProposal(PreparedStatement ps, long chainId, ChainLog log) throws SQLException {
        List<AbiValue> v = Abi.decodeLog(PROPOSAL_CREATED, log.topics(), log.data());
        List<?> targets = (List<?>) v.get(2).value();
        List<?> values = (List<?>) v.get(3).value();
        List<?> calldatas = (List<?>) v.get(5).value();
        if (targets.size() != values.size() || targets.size() != calldatas.size()) {
            return; // a Governor refuses such a proposal; a log claiming one is not from a Governor
        }
        ps.setLong(1, chainId);
        ps.setString(2, log.address());
        ps.setString(3, v.get(0).value().toString());
        ps.setString(4, ((String) v.get(1).value()).toLowerCase(Locale.ROOT));
        ps.setString(5, json(targets.stream().map(t -> t.toString().toLowerCase(Locale.ROOT)).toList()));
        ps.setString(6, json(values.stream().map(Object::toString).toList()));
        ps.setString(7, json(calldatas.stream().map(d -> d.toString().toLowerCase(Locale.ROOT)).toList()));
        ps.setString(8, (String) v.get(8).value());
        ps.setString(9, ((BigInteger) v.get(6).value()).toString());
        ps.setString(10, ((BigInteger) v.get(7).value()).toString());
        ps.setLong(11, log.blockNumber());
        ps.setString(12, log.txHash());
        ps.setInt(13, log.logIndex());
        ps.addBatch();
    }

    private static void addVote(PreparedStatement ps, long chainId, ChainLog log, List<AbiValue> v, String params) throws SQLException {
        ps.setLong(1, chainId);
        ps.setString(2, log.address());
        ps.setString(3, v.get(1).value().toString());
        ps.setString(4, ((String) v.get(0).value()).toLowerCase(Locale.ROOT));
        ps.setInt(5, ((BigInteger) v.get(2).value()).intValueExact());
        ps.setString(6, v.get(3).value().toString());
        ps.setString(7, (String) v.get(4).value());
        ps.setString(8, params);
        ps.setLong(9, log.blockNumber());
        ps.setString(10, log.txHash());
        ps.setInt(11, log.logIndex());
        ps.addBatch();
    }

    @Override
    public void rollback(Connection c, long chainId, Collection<String> keys, long fromBlock) throws SQLException {
        for (String table : List.of("dao_proposal", "dao_vote")) {
            SubscriberRows.deleteFrom(c, table, chainId, fromBlock, keys, List.of("governor"));
        }
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
