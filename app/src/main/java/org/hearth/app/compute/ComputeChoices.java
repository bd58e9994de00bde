package org.hearth.app.compute;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.hearth.app.desktop.AppServices;
import org.hearth.app.desktop.UiThread;
import org.hearth.compute.energy.ElectricityEstimate;
import org.hearth.compute.energy.ElectricityPrice;
import org.hearth.compute.energy.EnergyLedger;
import org.hearth.compute.job.BackendReport;
import org.hearth.compute.provider.ComputeLimits;
import org.hearth.compute.provider.DeviceSwitches;
import org.hearth.compute.provider.ProviderAgent;
import org.hearth.compute.provider.ProviderSettings;
import org.hearth.compute.worker.WorkerOptions;

/**
 * The user's sharing choices beyond the policy: temperature limits, device switches, device power and
 * the electricity price. Each change is stored (core {@link ProviderSettings}, read the same way by the
 * CLI) and handed to the agent; the electricity estimate is read from core's energy ledger.
 */
public final class ComputeChoices {

    /** The market's token in the demo world (HRTH): earnings and the electricity price are in its units. */
    public static final int TOKEN_DECIMALS = 18;

    public final ObjectProperty<ComputeLimits> limits = new SimpleObjectProperty<>();
    public final ObjectProperty<DeviceSwitches> devices = new SimpleObjectProperty<>();
    public final IntegerProperty powerWatts = new SimpleIntegerProperty();
    public final ObjectProperty<ElectricityPrice> price = new SimpleObjectProperty<>();
    /** The estimate so far; null until first read. */
    public final ObjectProperty<ElectricityEstimate> estimate = new SimpleObjectProperty<>();

    private final ProviderSettings stored;
    private final EnergyLedger ledger;
    private final ProviderAgent agent;

    ComputeChoices(AppServices services) {
        this.stored = new ProviderSettings(services.settings());
        this.ledger = new EnergyLedger(services.database());
        this.agent = services.provider();
        limits.set(stored.limits());
        devices.set(stored.devices());
        powerWatts.set(stored.powerWatts());
        price.set(stored.pricePerKwh());
        limits.addListener((obs, was, is) -> {
            stored.setLimits(is);
            agent.setLimits(is);
        });
        devices.addListener((obs, was, is) -> stored.setDevices(is));
        powerWatts.addListener((obs, was, is) -> stored.setPowerWatts(is.intValue()));
        price.addListener((obs, was, is) -> {
            stored.setPricePerKwh(is);
            refreshEstimate();
        });
    }

    /** Backends the worker may use under the switches, given what the last probe found; empty: every device is off. */
    Optional<List<String>> allowedBackends(List<BackendReport> probed) {
        return devices.get().allowedBackends(WorkerOptions.ALL_BACKENDS, probed);
    }

    /** Reads the energy ledger off the FX thread and updates {@link #estimate}. */
    public void refreshEstimate() {
        ElectricityPrice p = price.get();
        UiThread.background(() -> ElectricityEstimate.of(ledger.since(LocalDate.now().minusDays(30)), p), estimate::set, failure -> { });
    }
}
