package org.hearth.compute.provider;

import org.hearth.compute.energy.ElectricityPrice;
import org.hearth.store.SettingsRepository;

/**
 * The provider's stored choices, in the settings table, read the same way by the Compute screen and
 * by {@code hearth provider}: policy, temperature limits, device switches, device power and the price
 * of electricity. A damaged value falls back to its default (each type's decode says which).
 */
public final class ProviderSettings {

    public static final String POLICY = "compute.policy";
    public static final String LIMITS = "compute.limits";
    public static final String DEVICES_OFF = "compute.devices.off";
    public static final String POWER_WATTS = "compute.power.watts";
    public static final String PRICE_PER_KWH = "compute.electricity.price";
    /** What a desktop CPU under full load draws, roughly: the estimate's default until the user sets theirs. */
    public static final int DEFAULT_WATTS = 65;
    public static final int MAX_WATTS = 5_000;

    private final SettingsRepository settings;

    public ProviderSettings(SettingsRepository settings) {
        this.settings = settings;
    }

    public ProviderPolicy policy() {
        return settings.get(POLICY).map(ProviderPolicy::decode).orElse(ProviderPolicy.DEFAULT);
    }

    public void setPolicy(ProviderPolicy policy) {
        settings.put(POLICY, policy.encode());
    }

    public ComputeLimits limits() {
        return settings.get(LIMITS).map(ComputeLimits::decode).orElse(ComputeLimits.NONE);
    }

    public void setLimits(ComputeLimits limits) {
        settings.put(LIMITS, limits.encode());
    }

    public DeviceSwitches devices() {
        return settings.get(DEVICES_OFF).map(DeviceSwitches::decode).orElse(DeviceSwitches.ALL_ON);
    }

    public void setDevices(DeviceSwitches switches) {
        settings.put(DEVICES_OFF, switches.encode());
    }

    /** The power the user says the compute device draws while working, in watts (1..{@link #MAX_WATTS}). */
    public int powerWatts() {
        return settings.get(POWER_WATTS).map(v -> {
            try {
                int w = Integer.parseInt(v.strip());
                return w >= 1 && w <= MAX_WATTS ? w : DEFAULT_WATTS;
            } catch (NumberFormatException e) {
                return DEFAULT_WATTS;
            }
        }).orElse(DEFAULT_WATTS);
    }

    public void setPowerWatts(int watts) {
        if (watts < 1 || watts > MAX_WATTS) {
            throw new IllegalArgumentException("Device power must be 1-" + MAX_WATTS + " W");
        }
        settings.put(POWER_WATTS, Integer.toString(watts));
    }

    /** In base units of the token earnings are paid in, per kWh; free until the user sets it. */
    public ElectricityPrice pricePerKwh() {
        return settings.get(PRICE_PER_KWH).map(ElectricityPrice::decode).orElse(ElectricityPrice.FREE);
    }

    public void setPricePerKwh(ElectricityPrice price) {
        settings.put(PRICE_PER_KWH, price.encode());
    }
}
