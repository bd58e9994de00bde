package org.hearth.compute.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.hearth.compute.provider.MachineState;
import org.hearth.compute.provider.ProviderStatus;
import org.hearth.compute.thermal.GpuReading;
import org.hearth.compute.thermal.ThermalReading;
import org.hearth.store.Database;
import org.junit.jupiter.api.Test;

/** Power × time × price, in integers: the meter books running time only, per local day, into real SQLite. */
class ElectricityEstimateTest {

    private static final BigInteger ONE_TOKEN = BigInteger.TEN.pow(18);

    @Test
    void costIsExactAndRoundedHalfUpToABaseUnit() {
        ElectricityPrice price = ElectricityPrice.parse("0.30", 18);
        assertEquals(new BigInteger("300000000000000000"), price.unitsPerKwh());
        // 200 W for one hour is 0.2 kWh: 0.06 tokens exactly
        long microJoules = 200_000L * 3_600_000L;
        assertEquals(new BigInteger("60000000000000000"), price.cost(microJoules));
        ElectricityPrice tiny = new ElectricityPrice(BigInteger.valueOf(3));
        assertEquals(BigInteger.TWO, tiny.cost(1_800_000_000_000L), "1.5 units rounds up");
        assertEquals(BigInteger.ONE, tiny.cost(1_799_999_999_999L), "1.4999... rounds down");
        assertEquals(BigInteger.ZERO, tiny.cost(599_999_999_999L));
        assertThrows(IllegalArgumentException.class, () -> ElectricityPrice.parse("-1", 18));
        assertThrows(IllegalArgumentException.class, () -> ElectricityPrice.parse("0.1234567", 6));
        assertEquals(price, ElectricityPrice.decode(price.encode()));
        assertEquals(ElectricityPrice.FREE, ElectricityPrice.decode("lots"));
    }

    @Test
    void theMeterCountsRunningTimeOnlyAndMeasuredGpuPowerUnderCuda() throws Exception {
        Path dir = Files.createTempDirectory("hearth-energy");
        EnergyLedger ledger = new EnergyLedger(Database.open(dir.resolve("hearth.db")));
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T23:58:00Z"));
        EnergyMeter meter = new EnergyMeter(ledger, () -> 65_000, clock);
        MachineState m = new MachineState(0, false, 23);

        meter.status(status(ProviderStatus.State.RUNNING, "cpu"));
        clock.now = clock.now.plusSeconds(30);
        meter.machine(m, "");
        clock.now = clock.now.plusSeconds(30);
        meter.status(status(ProviderStatus.State.PAUSED, "cpu"));
        clock.now = clock.now.plusSeconds(600); // paused: not counted
        meter.machine(m, "");
        assertEquals(List.of(new EnergyLedger.Day(LocalDate.of(2026, 12, 6), 65_000L * 60_000, 60_000)),
                ledger.since(LocalDate.of(2026, 12, 1)));

        // next day, on CUDA with the driver reporting 250 W: the measured power counts
        meter.status(status(ProviderStatus.State.RUNNING, "cuda"));
        meter.thermal(new ThermalReading(List.of(new GpuReading(0, "GPU", 70, 250_000)), "", -1, "none"));
        clock.now = clock.now.plusSeconds(10);
        meter.machine(m, "");
        meter.status(ProviderStatus.stopped());
        assertEquals(new EnergyLedger.Day(LocalDate.of(2026, 12, 7), 250_000L * 10_000, 10_000), ledger.since(LocalDate.of(2026, 12, 7)).getFirst());
        assertEquals(65_000L * 60_000 + 250_000L * 10_000, ledger.totalMicroJoules());
        assertEquals(65_000, meter.powerMilliwatts(), "stopped: back to the power the user set");
    }

    private static ProviderStatus status(ProviderStatus.State state, String backend) {
        return new ProviderStatus(state, backend, "", 0, 0, 0, 0, 0);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
