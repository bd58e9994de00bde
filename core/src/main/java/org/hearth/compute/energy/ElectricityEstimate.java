package org.hearth.compute.energy;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

/**
 * What sharing cost in electricity, estimated from the energy ledger and the user's price: per day and in
 * total (the sum of the days, so a chart adds up to the figure beside it). Exact integers throughout.
 */
public record ElectricityEstimate(List<DayCost> days, long microJoules, long runningMillis, BigInteger cost) {

    public record DayCost(LocalDate day, long microJoules, long runningMillis, BigInteger cost) {
    }

    public static ElectricityEstimate of(List<EnergyLedger.Day> ledger, ElectricityPrice price) {
        List<DayCost> days = ledger.stream().map(d -> new DayCost(d.day(), d.microJoules(), d.runningMillis(), price.cost(d.microJoules()))).toList();
        return new ElectricityEstimate(days, days.stream().mapToLong(DayCost::microJoules).sum(),
                days.stream().mapToLong(DayCost::runningMillis).sum(), days.stream().map(DayCost::cost).reduce(BigInteger.ZERO, BigInteger::add));
    }

    /** Watt-hours, rounded down, for display. */
    public long wattHours() {
        return microJoules / 3_600_000_000L;
    }
}
