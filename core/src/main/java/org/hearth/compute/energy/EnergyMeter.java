package org.hearth.compute.energy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.LongSupplier;
import org.hearth.compute.provider.MachineState;
import org.hearth.compute.provider.ProviderAgent;
import org.hearth.compute.provider.ProviderStatus;
import org.hearth.compute.thermal.ThermalReading;

/**
 * Counts the energy sharing uses, as device power × time while the agent runs jobs (not while paused or
 * stopped), into the {@link EnergyLedger}. Power is the GPUs' reported draw while a CUDA backend runs,
 * otherwise the device power the user set. An estimate, said so wherever it is shown. Subscribed to the
 * agent by whoever owns it (the app's services, the headless command), so both count the same way.
 */
public final class EnergyMeter implements ProviderAgent.Listener {

    private final EnergyLedger ledger;
    private final LongSupplier devicePowerMilliwatts;
    private final Clock clock;
    private boolean running;
    private boolean measuredGpu;
    private long measuredMilliwatts = -1;
    private Instant since;

    /** {@code devicePowerMilliwatts}: the power the user set for this machine's compute device. */
    public EnergyMeter(EnergyLedger ledger, LongSupplier devicePowerMilliwatts, Clock clock) {
        this.ledger = ledger;
        this.devicePowerMilliwatts = devicePowerMilliwatts;
        this.clock = clock;
    }

    @Override
    public synchronized void status(ProviderStatus status) {
        boolean next = status.state() == ProviderStatus.State.RUNNING;
        measuredGpu = status.backend().startsWith("cuda");
        if (next == running) {
            return; // most statuses are job counts: the interval is booked on the next tick
        }
        flush();
        running = next;
        since = running ? clock.instant() : null;
    }

    @Override
    public synchronized void thermal(ThermalReading reading) {
        measuredMilliwatts = reading.gpuPowerMilliwatts().orElse(-1);
    }

    /** Each policy tick: book the interval so far, so a crash loses at most one tick. */
    @Override
    public synchronized void machine(MachineState state, String unreadable) {
        flush();
    }

    /** The power counted now, in milliwatts. */
    public synchronized long powerMilliwatts() {
        return measuredGpu && measuredMilliwatts >= 0 ? measuredMilliwatts : devicePowerMilliwatts.getAsLong();
    }

    private void flush() {
        if (!running || since == null) {
            return;
        }
        Instant now = clock.instant();
        long millis = Math.max(0, now.toEpochMilli() - since.toEpochMilli());
        if (millis > 0) {
            // mW × ms = µJ
            ledger.add(LocalDate.ofInstant(now, clock.getZone()), Math.multiplyExact(powerMilliwatts(), millis), millis);
        }
        since = now;
    }
}
