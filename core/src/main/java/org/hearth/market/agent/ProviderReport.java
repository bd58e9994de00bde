package org.hearth.market.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hearth.market.JobKind;

/**
 * A market provider's earnings and job outcomes as plain fields, shared by {@code hearth provider status --json}
 * and the Compute screen so both say the same: {@code account}, {@code market}, {@code chain_id},
 * {@code earned_wei} (decimal text), {@code outcomes} (count per outcome, lower-case names, every outcome listed)
 * and {@code market_jobs} (newest first: id, kind, stage, outcome, reason, price_wei, paid_wei, result_cid).
 */
public final class ProviderReport {

    private ProviderReport() {
    }

    public static Map<String, Object> fields(ProviderJobs jobs, long chainId, String market, String account) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account", account);
        m.put("market", market);
        m.put("chain_id", chainId);
        ProviderEarnings earnings = jobs.earnings(chainId, market, account);
        m.put("earned_wei", earnings.earned().toString());
        Map<String, Object> outcomes = new LinkedHashMap<>();
        for (JobOutcome o : JobOutcome.values()) {
            outcomes.put(name(o), earnings.count(o));
        }
        m.put("outcomes", outcomes);
        List<Map<String, Object>> list = new ArrayList<>();
        for (ProviderJob j : jobs.all(chainId, market, account)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", j.id());
            row.put("kind", JobKind.of(j.kind()).map(JobKind::kernel).orElse(Integer.toString(j.kind())));
            row.put("stage", name(j.stage()));
            row.put("outcome", name(j.outcome()));
            row.put("reason", j.reason());
            row.put("price_wei", j.price().toString());
            row.put("paid_wei", j.paid() == null ? null : j.paid().toString());
            row.put("result_cid", j.resultCid());
            list.add(row);
        }
        m.put("market_jobs", list);
        return m;
    }

    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
