package org.hearth.nft;

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
import org.hearth.chain.abi.Abi;
import org.hearth.chain.abi.AbiEvent;
import org.hearth.chain.abi.AbiValue;
import org.hearth.index.ChainLog;
import org.hearth.index.LogFilter;
import org.hearth.index.LogSubscriber;
import org.hearth.index.SubscriberRows;
import org.hearth.store.Database;
import org.hearth.store.StoreException;

/**
 * NFT movements from or to watched accounts (the keys), any contract: ERC-721 {@code Transfer} (the
 * token id is the third indexed topic, which is what tells it from ERC-20's), ERC-1155
 * {@code TransferSingle} and {@code TransferBatch}. Malformed logs are skipped: any contract can emit these.
 */
public final class NftTransfers implements LogSubscriber {

    public static final String ID = "nft-transfers";
    public static final int MAX_BATCH = 10_000;

    static final AbiEvent TRANSFER = AbiEvent.parse("Transfer(address indexed from,address indexed to,uint256 indexed tokenId)");
    static final AbiEvent SINGLE = AbiEvent.parse(
            "TransferSingle(address indexed operator,address indexed from,address indexed to,uint256 id,uint256 value)");
    static final AbiEvent BATCH = AbiEvent.parse(
            "TransferBatch(address indexed operator,address indexed from,address indexed to,uint256[] ids,uint256[] values)");

    private final Database db;

    public NftTransfers(Database db) {
        this.db = db;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<LogFilter> filters(Collection<String> keys) {
        List<String> words = keys.stream().map(LogFilter::addressTopic).toList();
        List<String> erc721 = List.of(TRANSFER.topic0());
        List<String> erc1155 = List.of(SINGLE.topic0(), BATCH.topic0());
        return List.of(new LogFilter(List.of(), List.of(erc721, words)),
                new LogFilter(List.of(), Arrays.asList(erc721, null, words)),
                new LogFilter(List.of(), Arrays.asList(erc1155, null, words)),
                new LogFilter(List.of(), Arrays.asList(erc1155, null, null, words)));
    }

    @Override
    public void write(Connection c, long chainId, List<ChainLog> logs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO nft_transfer(chain_id, contract, block_number, tx_hash, "
                + "log_index, sub_index, standard, operator, sender, recipient, token_id, amount) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (ChainLog log : logs) {
                for (NftTransfer t : decode(log)) {
                    ps.setLong(1, chainId);
                    ps.setString(2, t.contract());
                    ps.setLong(3, t.blockNumber());
                    ps.setString(4, t.txHash());
                    ps.setInt(5, t.logIndex());
                    ps.setInt(6, t.subIndex());
                    ps.setString(7, t.standard().id());
                    ps.setString(8, t.operator());
                    ps.setString(9, t.from());
                    ps.setString(10, t.to());
                    ps.setString(11, t.tokenId().toString());
                    ps.setString(12, t.amount().toString());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** The transfers in one log; empty for a log that only looks like one (wrong topic count, bad data). */
    static List<NftTransfer> decode(ChainLog log) {
        String topic0 = log.topics().isEmpty() ? "" : log.topics().getFirst();
        try {
            if (topic0.equals(TRANSFER.topic0()) && log.topics().size() == 4) {
                List<AbiValue> v = Abi.decodeLog(TRANSFER, log.topics(), log.data());
                return List.of(new NftTransfer(log.address(), log.blockNumber(), log.txHash(), log.logIndex(), 0, NftStandard.ERC721,
                        null, addr(v.get(0)), addr(v.get(1)), (BigInteger) v.get(2).value(), BigInteger.ONE));
            }
            if (topic0.equals(SINGLE.topic0()) && log.topics().size() == 4) {
                List<AbiValue> v = Abi.decodeLog(SINGLE, log.topics(), log.data());
                return List.of(new NftTransfer(log.address(), log.blockNumber(), log.txHash(), log.logIndex(), 0, NftStandard.ERC1155,
                        addr(v.get(0)), addr(v.get(1)), addr(v.get(2)), (BigInteger) v.get(3).value(), (BigInteger) v.get(4).value()));
            }
            if (topic0.equals(BATCH.topic0()) && log.topics().size() == 4) {
                List<AbiValue> v = Abi.decodeLog(BATCH, log.topics(), log.data());
                List<?> ids = (List<?>) v.get(3).value();
                List<?> values = (List<?>) v.get(4).value();
                if (ids.size() != values.size() || ids.size() > MAX_BATCH) {
                    return List.of();
                }
                List<NftTransfer> out = new ArrayList<>(ids.size());
                for (int i = 0; i < ids.size(); i++) {
                    out.add(new NftTransfer(log.address(), log.blockNumber(), log.txHash(), log.logIndex(), i, NftStandard.ERC1155,
                            addr(v.get(0)), addr(v.get(1)), addr(v.get(2)), uint(ids.get(i)), uint(values.get(i))));
                }
                return out;
            }
        } catch (RuntimeException malformed) {
            return List.of(); // a contract emitting garbage under a known topic: not an NFT movement we can use
        }
        return List.of();
    }

    private static BigInteger uint(Object o) {
        return o instanceof BigInteger b ? b : ((AbiValue) o).value() instanceof BigInteger b2 ? b2 : new BigInteger(o.toString());
    }

    private static String addr(AbiValue v) {
        return v.value().toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public void rollback(Connection c, long chainId, Collection<String> keys, long fromBlock) throws SQLException {
        SubscriberRows.deleteFrom(c, "nft_transfer", chainId, fromBlock, keys, List.of("sender", "recipient"));
    }

    /** The (contract, token id, standard) pairs {@code account} ever received, first arrival first. */
    public List<NftCandidate> received(long chainId, String account) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT contract, token_id, standard, MIN(block_number) AS first FROM nft_transfer WHERE chain_id = ? AND recipient = ? "
                        + "GROUP BY contract, token_id, standard ORDER BY first, contract, token_id")) {
            ps.setLong(1, chainId);
            ps.setString(2, account.toLowerCase(Locale.ROOT));
            List<NftCandidate> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new NftCandidate(rs.getString(1), new BigInteger(rs.getString(2)), NftStandard.of(rs.getString(3))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read NFT transfers: " + e.getMessage(), e);
        }
    }

    /** How {@code account} came by tokens of {@code contract}: each arrival's transaction and (1155) operator. */
    public List<Arrival> arrivals(long chainId, String account, String contract) {
        return query("SELECT DISTINCT tx_hash, operator FROM nft_transfer WHERE chain_id = ? AND recipient = ? AND contract = ?",
                chainId, account, contract, rs -> new Arrival(rs.getString(1), rs.getString(2)));
    }

    /** Whether {@code account} ever sent a token of {@code contract} away (an interaction with the collection). */
    public boolean sentAny(long chainId, String account, String contract) {
        return !query("SELECT 1 FROM nft_transfer WHERE chain_id = ? AND sender = ? AND contract = ? LIMIT 1",
                chainId, account, contract, rs -> Boolean.TRUE).isEmpty();
    }

    private <T> List<T> query(String sql, long chainId, String account, String contract, Row<T> row) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, chainId);
            ps.setString(2, account.toLowerCase(Locale.ROOT));
            ps.setString(3, contract.toLowerCase(Locale.ROOT));
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read NFT transfers: " + e.getMessage(), e);
        }
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** One transaction that brought an account tokens; {@code operator} is the 1155 caller (null for 721). */
    public record Arrival(String txHash, String operator) {
    }

    /** A token an account received at some point: it may have left since. */
    public record NftCandidate(String contract, BigInteger tokenId, NftStandard standard) {
    }
}
