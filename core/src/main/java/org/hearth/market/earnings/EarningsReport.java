package org.hearth.market.earnings;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hearth.compute.energy.ElectricityEstimate;
import org.hearth.market.agent.JobOutcome;
import org.hearth.market.agent.ProviderJob;

/**
 * What sharing earned on the market, from the provider's own job rows (core {@code provider_jobs}) and the
 * energy ledger: earned (credited, price - fee), pending (submitted, in review: at most the price), disputed
 * (the price at stake), slashed jobs, fees paid, per day, and net of the electricity estimate. All amounts
 * are exact base units of the market's token. The Compute screen and {@code hearth provider status --json}
 * both print this, so they agree.
 */
public record EarningsReport(BigInteger earned, BigInteger pending, BigInteger disputed, BigInteger fees, long slashedJobs,
                             Map<JobOutcome, Long> outcomes, List<Day> days, BigInteger electricity, BigInteger net) {

    /** One local day: credited that day (by the time the job was settled) and its electricity estimate. */
    public record Day(LocalDate day, BigInteger earned, BigInteger electricity) {
        public BigInteger net() {
            return earned.subtract(electricity);
        }
    }

    public EarningsReport {
        outcomes = Map.copyOf(outcomes);
        days = List.copyOf(days);
    }

    public static EarningsReport of(List<ProviderJob> jobs, ElectricityEstimate power, ZoneId zone) {
        BigInteger earned = BigInteger.ZERO;
        BigInteger pending = BigInteger.ZERO;
        BigInteger disputed = BigInteger.ZERO;
        BigInteger fees = BigInteger.ZERO;
        Map<JobOutcome, Long> outcomes = new EnumMap<>(JobOutcome.class);
        TreeMap<LocalDate, BigInteger[]> byDay = new TreeMap<>();
        for (ProviderJob job : jobs) {
            outcomes.merge(job.outcome(), 1L, Long::sum);
            switch (job.outcome()) {
                case PAID -> {
                    BigInteger paid = job.paid() == null ? BigInteger.ZERO : job.paid();
                    earned = earned.add(paid);
                    fees = fees.add(job.price().subtract(paid).max(BigInteger.ZERO));
                    LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(job.updatedAtMillis()), zone);
                    day(byDay, day)[0] = day(byDay, day)[0].add(paid);
                }
                case PENDING -> {
                    if (job.stage() == ProviderJob.Stage.SUBMITTED) {
                        pending = pending.add(job.price());
                    }
                }
                case DISPUTED -> disputed = disputed.add(job.price());
                default -> {
                    // slashed, expired, failed, refused: nothing credited
                }
            }
        }
        for (ElectricityEstimate.DayCost d : power.days()) {
            day(byDay, d.day())[1] = day(byDay, d.day())[1].add(d.cost());
        }
        List<Day> days = new ArrayList<>();
        byDay.forEach((day, v) -> days.add(new Day(day, v[0], v[1])));
        return new EarningsReport(earned, pending, disputed, fees, outcomes.getOrDefault(JobOutcome.SLASHED, 0L), outcomes, days,
                power.cost(), earned.subtract(power.cost()));
    }

    private static BigInteger[] day(TreeMap<LocalDate, BigInteger[]> byDay, LocalDate day) {
        return byDay.computeIfAbsent(day, d -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
    }

    public long count(JobOutcome outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    /** The fields {@code hearth provider status --json} prints under "earnings", amounts as decimal base-unit strings. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("earned", earned.toString());
        m.put("pending", pending.toString());
        m.put("disputed", disputed.toString());
        m.put("fees", fees.toString());
        m.put("slashed_jobs", slashedJobs);
        m.put("electricity_estimate", electricity.toString());
        m.put("net", net.toString());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (JobOutcome o : JobOutcome.values()) {
            counts.put(o.name().toLowerCase(java.util.Locale.ROOT), count(o));
        }
        m.put("jobs", counts);
        List<Map<String, Object>> perDay = new ArrayList<>();
        for (Day d : days) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("day", d.day().toString());
            row.put("earned", d.earned().toString());
            row.put("electricity_estimate", d.electricity().toString());
            row.put("net", d.net().toString());
            perDay.add(row);
        }
        m.put("days", perDay);
        return m;
    }
}
