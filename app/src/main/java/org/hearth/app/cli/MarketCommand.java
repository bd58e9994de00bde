package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hearth.chain.session.ChainSession;
import org.hearth.market.IndexedJob;
import org.hearth.market.JobEvent;
import org.hearth.market.JobKind;
import org.hearth.market.MarketContract;
import org.hearth.market.MarketJobs;
import org.hearth.money.Amounts;
import org.hearth.problem.HearthException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hearth market jobs|job}: the ComputeMarket's jobs as its events tell them (indexed into the data dir's
 * database first), newest first; one job with its timeline. Amounts in the JSON are wei as decimal text.
 */
@Command(name = "market", mixinStandardHelpOptions = true, description = "The compute market's jobs (ComputeMarket on this chain).")
public final class MarketCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    HearthCommand root;

    @Spec
    CommandSpec spec;

    @Command(name = "jobs", description = "Every job of the market, newest first.")
    int jobs(@Option(names = "--json", description = "A JSON array.") boolean json) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ChainSession session = CliSession.open(root, spec.commandLine().getErr())) {
            String market = synced(session);
            List<IndexedJob> all = new MarketJobs(session.database()).all(session.chainId(), market);
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                all.forEach(j -> rows.add(fields(j)));
                out.println(JSON.writeValueAsString(rows));
            } else if (all.isEmpty()) {
                out.println("No jobs on the market " + market + " yet.");
            } else {
                for (IndexedJob j : all) {
                    out.printf("%-6s %-9s %-7s %14s HRTH  requester %s  provider %s%n", "#" + j.id(), state(j), kind(j.kind()),
                            hrth(j.price()), j.requester(), j.provider() == null ? "-" : j.provider());
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "job", description = "One job: what was posted, who holds it, the result and its event timeline.")
    int job(@Parameters(paramLabel = "ID", description = "The job id.") long id,
            @Option(names = "--json", description = "One JSON object.") boolean json) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ChainSession session = CliSession.open(root, spec.commandLine().getErr())) {
            String market = synced(session);
            MarketJobs jobs = new MarketJobs(session.database());
            IndexedJob job = jobs.job(session.chainId(), market, id).orElseThrow(() -> new HearthException("market.unknownJob", null, id));
            List<JobEvent> timeline = jobs.timeline(session.chainId(), market, id);
            Map<String, Object> m = fields(job);
            List<Map<String, Object>> events = new ArrayList<>();
            for (JobEvent e : timeline) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("event", e.name());
                row.put("block", e.blockNumber());
                row.put("tx", e.txHash());
                row.put("fields", e.fields());
                events.add(row);
            }
            m.put("events", events);
            if (json) {
                out.println(JSON.writeValueAsString(m));
            } else {
                for (Map.Entry<String, Object> f : m.entrySet()) {
                    if (!f.getKey().equals("events") && f.getValue() != null) {
                        out.printf("%-14s %s%n", f.getKey() + ":", f.getValue());
                    }
                }
                out.println("timeline:");
                for (JobEvent e : timeline) {
                    out.printf("  block %-6d %-16s %s%n", e.blockNumber(), e.name(), String.join(", ",
                            e.fields().entrySet().stream().filter(f -> !f.getKey().equals("jobId")).map(f -> f.getKey() + "=" + f.getValue()).toList()));
                }
            }
            out.flush();
            return 0;
        }
    }

    private static String synced(ChainSession session) throws InterruptedException {
        MarketContract market = MarketContract.of(session).orElseThrow(() -> new HearthException("market.noMarket", null));
        new MarketJobs(session.database()).sync(session, market.address());
        return market.address();
    }

    /** The JSON fields of a job (the same names in {@code jobs --json} and {@code job ID --json}). */
    static Map<String, Object> fields(IndexedJob j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("state", state(j));
        m.put("kind", kind(j.kind()));
        m.put("requester", j.requester());
        m.put("provider", j.provider());
        m.put("price_wei", wei(j.price()));
        m.put("spec", j.spec());
        m.put("spec_url", j.specUrl());
        m.put("claim_window", j.claimWindow());
        m.put("exec_window", j.execWindow());
        m.put("exec_deadline", j.execDeadline());
        m.put("result", j.result());
        m.put("result_url", j.resultUrl());
        m.put("paid_wei", wei(j.paid()));
        m.put("fee_wei", wei(j.fee()));
        m.put("evidence", j.evidence());
        m.put("posted_block", j.postedBlock());
        m.put("updated_block", j.updatedBlock());
        return m;
    }

    private static String state(IndexedJob j) {
        return j.state().name().toLowerCase(Locale.ROOT);
    }

    private static String kind(Integer code) {
        return code == null ? null : JobKind.of(code).map(JobKind::kernel).orElse(Integer.toString(code));
    }

    private static String wei(BigInteger v) {
        return v == null ? null : v.toString();
    }

    private static String hrth(BigInteger v) {
        return v == null ? "?" : Amounts.format(v, 18);
    }
}
