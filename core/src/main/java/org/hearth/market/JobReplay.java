package org.hearth.market;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hearth.chain.abi.AbiValue;

/** Rebuilds one {@code market_jobs} row from the job's stored events, in chain order, as the contract moves its state. */
final class JobReplay {

    static final String JOB_COLUMNS = "market, job_id, requester, kind, spec, spec_url, price, claim_window, exec_window, terms_id, state, "
            + "provider, exec_deadline, result, result_url, paid, fee, evidence, posted_block, updated_block";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() { };

    private JobReplay() {
    }

    static void rebuild(Connection c, long chainId, String market, long jobId) throws SQLException {
        Row row = new Row();
        try (PreparedStatement ps = c.prepareStatement("SELECT event, fields, block_number FROM market_job_events "
                + "WHERE chain_id = ? AND market = ? AND job_id = ? ORDER BY block_number, log_index")) {
            ps.setLong(1, chainId);
            ps.setString(2, market);
            ps.setLong(3, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.apply(rs.getString(1), fields(rs.getString(2)), rs.getLong(3));
                }
            }
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM market_jobs WHERE chain_id = ? AND market = ? AND job_id = ?")) {
            del.setLong(1, chainId);
            del.setString(2, market);
            del.setLong(3, jobId);
            del.executeUpdate();
        }
        if (row.updatedBlock < 0) {
            return; // every event of the job was reorganised away
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO market_jobs(chain_id, " + JOB_COLUMNS + ") "
                + "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Object[] values = {chainId, market, jobId, row.requester, row.kind, row.spec, row.specUrl, row.price, row.claimWindow,
                row.execWindow, row.termsId, row.state.code(), row.provider, row.execDeadline, row.result, row.resultUrl, row.paid, row.fee,
                row.evidence, row.postedBlock, row.updatedBlock};
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    static IndexedJob job(ResultSet rs) throws SQLException {
        return new IndexedJob(rs.getString(1), rs.getLong(2), rs.getString(3), (Integer) intOrNull(rs, 4), rs.getString(5), rs.getString(6),
                big(rs.getString(7)), longOrNull(rs, 8), longOrNull(rs, 9), longOrNull(rs, 10), JobState.of(rs.getInt(11)), rs.getString(12),
                longOrNull(rs, 13), rs.getString(14), rs.getString(15), big(rs.getString(16)), big(rs.getString(17)), rs.getString(18),
                longOrNull(rs, 19), rs.getLong(20));
    }

    static String fieldsJson(List<AbiValue> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach(v -> out.put(v.name(), v.text()));
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> fields(String json) {
        try {
            return JSON.readValue(json, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored market event is not JSON", e);
        }
    }

    private static Integer intOrNull(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static BigInteger big(String text) {
        return text == null ? null : new BigInteger(text);
    }

    /** The job as its events so far leave it; mirrors ComputeMarket's transitions. */
    private static final class Row {
        String requester;
        Integer kind;
        String spec;
        String specUrl;
        String price;
        Long claimWindow;
        Long execWindow;
        Long termsId;
        JobState state = JobState.NONE;
        String provider;
        Long execDeadline;
        String result;
        String resultUrl;
        String paid;
        String fee;
        String evidence;
        Long postedBlock;
        long updatedBlock = -1;

        void apply(String event, Map<String, String> f, long block) {
            updatedBlock = block;
            switch (event) {
                case "JobPosted" -> {
                    requester = lower(f.get("requester"));
                    kind = Integer.valueOf(f.get("kind"));
                    spec = f.get("spec");
                    specUrl = f.get("specUrl");
                    price = f.get("price");
                    claimWindow = Long.valueOf(f.get("claimWindow"));
                    execWindow = Long.valueOf(f.get("execWindow"));
                    termsId = Long.valueOf(f.get("termsId"));
                    postedBlock = block;
                    state = JobState.OPEN;
                }
                case "JobClaimed" -> {
                    provider = lower(f.get("provider"));
                    execDeadline = Long.valueOf(f.get("execDeadline"));
                    result = null;
                    resultUrl = null;
                    state = JobState.CLAIMED;
                }
                case "ResultSubmitted" -> {
                    result = f.get("result");
                    resultUrl = f.get("resultUrl");
                    state = JobState.SUBMITTED;
                }
                case "JobAccepted", "JobFinalized" -> {
                    paid = f.get("paid");
                    fee = f.get("fee");
                    state = JobState.SETTLED;
                }
                case "JobDisputed" -> {
                    evidence = f.get("evidence");
                    state = JobState.DISPUTED;
                }
                case "JobExpired" -> {
                    boolean reopened = Boolean.parseBoolean(f.get("reopened"));
                    state = reopened ? JobState.OPEN : JobState.EXPIRED;
                    if (reopened) {
                        provider = null;
                        execDeadline = null;
                    }
                }
                case "JobCancelled" -> state = JobState.CANCELLED;
                case "DisputeResolved" -> state = JobState.RESOLVED; // who won is in the event (providerWins, slash)
                default -> { }
            }
        }

        private static String lower(String address) {
            return address == null ? null : address.toLowerCase(Locale.ROOT);
        }
    }
}
