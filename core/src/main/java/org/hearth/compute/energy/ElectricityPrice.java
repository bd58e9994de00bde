package org.hearth.compute.energy;

import java.math.BigInteger;
import org.hearth.money.Amounts;

/**
 * What the user pays for a kWh, in the base units of the token earnings are paid in (so the estimate
 * can be taken off earnings exactly). Integers only: a cost is rounded half up to a whole base unit.
 */
public record ElectricityPrice(BigInteger unitsPerKwh) {

    /** One kWh in microjoules (3.6 MJ). */
    static final BigInteger MICROJOULES_PER_KWH = BigInteger.valueOf(3_600_000_000_000L);
    public static final ElectricityPrice FREE = new ElectricityPrice(BigInteger.ZERO);

    public ElectricityPrice {
        if (unitsPerKwh.signum() < 0) {
            throw new IllegalArgumentException("A price cannot be negative");
        }
    }

    /** "0.25" with the token's decimals; refuses what {@link Amounts#parse} refuses. */
    public static ElectricityPrice parse(String text, int decimals) {
        return new ElectricityPrice(Amounts.parse(text, decimals));
    }

    /** The cost of {@code microJoules} of energy, rounded half up to a base unit. */
    public BigInteger cost(long microJoules) {
        if (microJoules < 0) {
            throw new IllegalArgumentException("Energy cannot be negative");
        }
        BigInteger[] qr = unitsPerKwh.multiply(BigInteger.valueOf(microJoules)).divideAndRemainder(MICROJOULES_PER_KWH);
        return qr[1].shiftLeft(1).compareTo(MICROJOULES_PER_KWH) >= 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    /** Stored as the decimal base-unit count. */
    public String encode() {
        return unitsPerKwh.toString();
    }

    public static ElectricityPrice decode(String text) {
        try {
            return new ElectricityPrice(new BigInteger(text.strip()));
        } catch (RuntimeException malformed) {
            return FREE;
        }
    }
}
