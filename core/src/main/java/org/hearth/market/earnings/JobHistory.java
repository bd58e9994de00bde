package org.hearth.market.earnings;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.market.IndexedJob;
import org.hearth.market.JobKind;
import org.hearth.market.MarketJobs;
import org.hearth.market.agent.JobOutcome;
import org.hearth.market.agent.ProviderJob;
import org.hearth.market.agent.ProviderJobs;
import org.hearth.store.Database;

/**
 * The provider's job history: its own rows ({@code provider_jobs}: outcome and reason) joined with what the
 * market's events say of each job ({@code market_jobs}: requester, evidence), with filter and search; the
 * same for the screen and the CLI.
 */
public final class JobHistory {

    /** One job: the provider's row, and the market's view when the indexer has it. */
    public record Entry(ProviderJob job, Optional<IndexedJob> market) {
        public String requester() {
            return market.map(IndexedJob::requester).orElse("");
        }

        public String kindName() {
            return JobHistory.kindName(job.kind());
        }
    }

    private JobHistory() {
    }

    /** Every job of {@code provider} on {@code market}, newest first. */
    public static List<Entry> load(Database db, long chainId, String market, String provider) {
        Map<Long, IndexedJob> indexed = new MarketJobs(db).byProvider(chainId, market, provider).stream()
                .collect(Collectors.toMap(IndexedJob::id, Function.identity(), (a, b) -> a));
        return new ProviderJobs(db).all(chainId, market, provider).stream()
                .map(j -> new Entry(j, Optional.ofNullable(indexed.get(j.id())).or(() -> new MarketJobs(db).job(chainId, market, j.id()))))
                .toList();
    }

    /**
     * Entries whose outcome is in {@code outcomes} (empty: all) and that match {@code query} (case-insensitive)
     * in their id, kind, requester, reason, spec id, result id or price.
     */
    public static List<Entry> filter(List<Entry> entries, Set<JobOutcome> outcomes, String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return entries.stream()
                .filter(e -> outcomes.isEmpty() || outcomes.contains(e.job().outcome()))
                .filter(e -> q.isEmpty() || haystack(e).contains(q))
                .toList();
    }

    /** The job kind's name ("gemm", "render"), or its number when this Hearth does not know it. */
    public static String kindName(int kind) {
        return JobKind.of(kind).map(k -> k.name().toLowerCase(Locale.ROOT)).orElse(Integer.toString(kind));
    }

    private static String haystack(Entry e) {
        ProviderJob j = e.job();
        return String.join(" ", "#" + j.id(), kindName(j.kind()), e.requester(), j.reason(), j.spec(),
                j.resultCid() == null ? "" : j.resultCid(), j.price().toString(), j.outcome().name()).toLowerCase(Locale.ROOT);
    }
}
