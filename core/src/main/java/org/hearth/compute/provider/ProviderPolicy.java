package org.hearth.compute.provider;

/**
 * When this machine shares its compute, BOINC style: only while other work leaves it idle, never on
 * battery, within the schedule hours, and at most {@code maxSharePercent} of the time.
 *
 * @param onlyWhenIdle    pause while other programs keep the CPU busy
 * @param pauseOnBattery  pause while the computer runs on battery
 * @param maxSharePercent duty cycle of the worker, 10..100
 * @param startHour       first hour of the day (0..23) when sharing is allowed
 * @param endHour         hour (1..24) when sharing stops; start 0 and end 24 mean all day
 */
public record ProviderPolicy(boolean onlyWhenIdle, boolean pauseOnBattery, int maxSharePercent, int startHour, int endHour) {

    public static final ProviderPolicy DEFAULT = new ProviderPolicy(true, true, 80, 0, 24);

    public ProviderPolicy {
        if (maxSharePercent < 10 || maxSharePercent > 100) {
            throw new IllegalArgumentException("The maximum share must be between 10 and 100 percent");
        }
        if (startHour < 0 || startHour > 23 || endHour < 1 || endHour > 24) {
            throw new IllegalArgumentException("Schedule hours must be 0-23 (start) and 1-24 (end)");
        }
    }

    /** Whether {@code hour} (0..23) lies in the schedule; a window may wrap past midnight (22 to 6). */
    public boolean allowsHour(int hour) {
        if (startHour == endHour || (startHour == 0 && endHour == 24)) {
            return true;
        }
        return startHour < endHour ? hour >= startHour && hour < endHour : hour >= startHour || hour < endHour;
    }

    /** Stored as text in the settings table: "idle,battery,share,start,end". */
    public String encode() {
        return onlyWhenIdle + "," + pauseOnBattery + "," + maxSharePercent + "," + startHour + "," + endHour;
    }

    public static ProviderPolicy decode(String text) {
        try {
            String[] p = text.split(",");
            return new ProviderPolicy(Boolean.parseBoolean(p[0]), Boolean.parseBoolean(p[1]), Integer.parseInt(p[2]),
                    Integer.parseInt(p[3]), Integer.parseInt(p[4]));
        } catch (RuntimeException malformed) {
            return DEFAULT; // a damaged setting falls back to the safe default
        }
    }
}
