package org.hearth.app.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.hearth.compute.energy.ElectricityEstimate;
import org.hearth.config.DataDir;
import org.hearth.compute.energy.EnergyLedger;
import org.hearth.compute.energy.EnergyMeter;
import org.hearth.compute.provider.ProviderAgent;
import org.hearth.compute.provider.ProviderSettings;
import org.hearth.market.agent.ProviderJobs;
import org.hearth.market.earnings.EarningsReport;
import org.hearth.store.Database;
import org.hearth.store.SettingsRepository;

/**
 * What the headless agent shares with the Compute screen, so {@code hearth provider} runs and reports as the
 * screen does: the stored temperature limits and the energy meter at start, and the earnings report
 * (pending, disputed, fees, per day, net of the electricity estimate) in {@code status}.
 */
final class ProviderParity {

    private ProviderParity() {
    }

    /** Applies the stored limits and counts energy into the ledger, as the app's services do; returns {@code agent}. */
    static ProviderAgent attach(ProviderAgent agent, DataDir dataDir) {
        Database db = Database.open(dataDir.databaseFile());
        ProviderSettings stored = new ProviderSettings(new SettingsRepository(db));
        agent.setLimits(stored.limits());
        agent.subscribe(new EnergyMeter(new EnergyLedger(db), () -> stored.powerWatts() * 1000L, Clock.systemDefaultZone()));
        return agent;
    }

    /** The Earnings tab's figures for {@code account} on {@code market}: the "earnings" object of {@code status --json}. */
    static Map<String, Object> earnings(Database db, long chainId, String market, String account) {
        ProviderSettings stored = new ProviderSettings(new SettingsRepository(db));
        ElectricityEstimate power = ElectricityEstimate.of(new EnergyLedger(db).since(LocalDate.now().minusDays(30)), stored.pricePerKwh());
        return EarningsReport.of(new ProviderJobs(db).all(chainId, market, account), power, ZoneId.systemDefault()).toMap();
    }
}
