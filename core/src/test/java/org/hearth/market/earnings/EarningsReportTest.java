package org.hearth.market.earnings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.compute.energy.ElectricityEstimate;
import org.hearth.compute.energy.ElectricityPrice;
import org.hearth.compute.energy.EnergyLedger;
import org.hearth.market.agent.JobOutcome;
import org.hearth.market.agent.ProviderJob;
import org.hearth.market.agent.ProviderJobs;
import org.hearth.store.Database;
import org.junit.jupiter.api.Test;

/** Earnings from stored job rows in real SQLite, net of the electricity estimate, exact to the wei. */
class EarningsReportTest {

    private static final String MARKET = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    private static final String ME = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
    private static final BigInteger HRTH = BigInteger.TEN.pow(18);
    private static final long DEC_5 = LocalDate.of(2026, 12, 5).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + 3_600_000;
    private static final long DEC_6 = DEC_5 + 86_400_000;

    private static ProviderJob job(long id, int kind, JobOutcome outcome, ProviderJob.Stage stage, BigInteger price, BigInteger paid,
                                   long at, String reason) {
        return new ProviderJob(MARKET, id, ME, kind, "0xspec" + id, "http://127.0.0.1:1/", price, 0, stage, "bafkreiresult" + id, outcome,
                reason, paid, at, at);
    }

    @Test
    void earnedPendingDisputedFeesPerDayAndNet() throws Exception {
        Database db = Database.open(Files.createTempDirectory("hearth-earnings").resolve("hearth.db"));
        ProviderJobs rows = new ProviderJobs(db);
        BigInteger two = HRTH.multiply(BigInteger.TWO);
        // 2 HRTH each, 1% fee: 1.98 credited
        BigInteger credited = new BigInteger("1980000000000000000");
        rows.save(31337, job(1, 1, JobOutcome.PAID, ProviderJob.Stage.DONE, two, credited, DEC_5, "accepted by the requester"));
        rows.save(31337, job(2, 2, JobOutcome.PAID, ProviderJob.Stage.DONE, two, credited, DEC_6, "finalized after the review window"));
        rows.save(31337, job(3, 2, JobOutcome.PENDING, ProviderJob.Stage.SUBMITTED, HRTH, null, DEC_6, "submitted; in review"));
        rows.save(31337, job(4, 1, JobOutcome.PENDING, ProviderJob.Stage.CLAIMED, HRTH, null, DEC_6, "running"));
        rows.save(31337, job(5, 1, JobOutcome.DISPUTED, ProviderJob.Stage.SUBMITTED, HRTH.multiply(BigInteger.valueOf(3)), null, DEC_6,
                "disputed with evidence 0xabc"));
        rows.save(31337, job(6, 1, JobOutcome.SLASHED, ProviderJob.Stage.DONE, HRTH, null, DEC_6, "dispute resolved against this provider"));
        rows.save(31337, job(7, 2, JobOutcome.FAILED, ProviderJob.Stage.DONE, HRTH, null, DEC_6, "the worker crashed"));

        EnergyLedger ledger = new EnergyLedger(db);
        ledger.add(LocalDate.of(2026, 12, 6), 200_000L * 3_600_000L, 3_600_000L); // 0.2 kWh
        ElectricityEstimate power = ElectricityEstimate.of(ledger.since(LocalDate.of(2026, 12, 1)), ElectricityPrice.parse("0.5", 18));

        List<JobHistory.Entry> history = JobHistory.load(db, 31337, MARKET, ME);
        assertEquals(7, history.size());
        assertEquals("", history.getFirst().requester(), "the indexer has not seen these jobs: no requester to show");
        EarningsReport r = EarningsReport.of(history.stream().map(JobHistory.Entry::job).toList(), power, ZoneOffset.UTC);
        assertEquals(credited.multiply(BigInteger.TWO), r.earned());
        assertEquals(HRTH, r.pending(), "submitted and in review only, not the job still running");
        assertEquals(HRTH.multiply(BigInteger.valueOf(3)), r.disputed());
        assertEquals(new BigInteger("40000000000000000"), r.fees());
        assertEquals(1, r.slashedJobs());
        assertEquals(new BigInteger("100000000000000000"), r.electricity());
        assertEquals(new BigInteger("3860000000000000000"), r.net());
        assertEquals(List.of(new EarningsReport.Day(LocalDate.of(2026, 12, 5), credited, BigInteger.ZERO),
                new EarningsReport.Day(LocalDate.of(2026, 12, 6), credited, new BigInteger("100000000000000000"))), r.days());
        Map<String, Object> json = r.toMap();
        assertEquals("3960000000000000000", json.get("earned"));
        assertEquals(Map.of("pending", 2L, "paid", 2L, "disputed", 1L, "slashed", 1L, "expired", 0L, "failed", 1L, "refused", 0L), json.get("jobs"));

        assertEquals(List.of(5L), JobHistory.filter(history, Set.of(JobOutcome.DISPUTED), "").stream().map(e -> e.job().id()).toList());
        assertEquals(List.of(7L), JobHistory.filter(history, Set.of(), "CRASHED").stream().map(e -> e.job().id()).toList());
        assertEquals(List.of(7L, 3L, 2L), JobHistory.filter(history, Set.of(), "render").stream().map(e -> e.job().id()).toList());
        assertEquals(List.of(2L), JobHistory.filter(history, Set.of(JobOutcome.PAID), "render").stream().map(e -> e.job().id()).toList());
    }
}
