package org.hearth.compute.provider;

/**
 * Temperature limits the provider pauses at, and resumes a few degrees below ({@link SharingGate#COOL_MARGIN}).
 *
 * @param gpuMaxCelsius pause when the hottest GPU reaches this; 0 for no limit
 * @param cpuMaxCelsius pause when the CPU reaches this; 0 for no limit
 */
public record ComputeLimits(int gpuMaxCelsius, int cpuMaxCelsius) {

    public static final ComputeLimits NONE = new ComputeLimits(0, 0);
    public static final int LOWEST = 40;
    public static final int HIGHEST = 105;

    public ComputeLimits {
        if (!valid(gpuMaxCelsius) || !valid(cpuMaxCelsius)) {
            throw new IllegalArgumentException("Temperature limits must be 0 (none) or " + LOWEST + "-" + HIGHEST + " °C");
        }
    }

    private static boolean valid(int c) {
        return c == 0 || (c >= LOWEST && c <= HIGHEST);
    }

    /** Stored as text in the settings table: "gpu,cpu". */
    public String encode() {
        return gpuMaxCelsius + "," + cpuMaxCelsius;
    }

    public static ComputeLimits decode(String text) {
        try {
            String[] p = text.split(",");
            return new ComputeLimits(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()));
        } catch (RuntimeException malformed) {
            return NONE; // a damaged setting: no limit, as before limits existed
        }
    }
}
