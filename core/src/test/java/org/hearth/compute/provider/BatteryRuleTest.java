package org.hearth.compute.provider;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hearth.compute.provider.PowerSources.State;
import org.junit.jupiter.api.Test;

/** On battery only when a battery that powers the computer discharges and nothing says mains is there. */
class BatteryRuleTest {

    private static State battery(boolean onLine, boolean charging, boolean discharging) {
        return new State("BAT0", onLine, charging, discharging, false);
    }

    @Test
    void aMachineWithoutPowerSourcesIsOnMains() {
        assertFalse(BatteryRule.onBattery(List.of()), "a desktop, a server, a VM");
    }

    @Test
    void aDischargingBatteryIsBattery() {
        assertTrue(BatteryRule.onBattery(List.of(battery(false, false, true))), "Linux: OSHI never sets on line");
        assertFalse(BatteryRule.onBattery(List.of(battery(true, false, true))), "Windows says the adapter is on line");
    }

    @Test
    void aChargingOrFullBatteryIsMains() {
        assertFalse(BatteryRule.onBattery(List.of(battery(false, true, false))), "charging");
        assertFalse(BatteryRule.onBattery(List.of(battery(true, false, false))), "full, adapter on line");
        assertFalse(BatteryRule.onBattery(List.of(battery(false, false, false))), "Linux: full or not charging");
        // two batteries on the adapter: one charges while the other one reports discharging for a moment
        assertFalse(BatteryRule.onBattery(List.of(battery(false, true, false), new State("BAT1", false, false, true, false))));
    }

    @Test
    void aUpsOnLineOrWithoutAStateIsMains() {
        assertFalse(BatteryRule.onBattery(List.of(new State("Back-UPS ES 700", true, false, false, false))), "on line");
        assertFalse(BatteryRule.onBattery(List.of(new State("Back-UPS ES 700", true, true, false, false))), "on line, charging");
        // macOS without an internal battery: OSHI reports the UPS as neither on line, charging nor discharging
        assertFalse(BatteryRule.onBattery(List.of(new State("Back-UPS ES 700", false, false, false, false))));
        // a power cut: the UPS discharges; pausing then is right
        assertTrue(BatteryRule.onBattery(List.of(new State("Back-UPS ES 700", false, false, true, false))));
    }

    @Test
    void aPeripheralsBatteryIsIgnored() {
        State mouse = new State("hidpp_battery_0", false, false, true, true);
        assertFalse(BatteryRule.onBattery(List.of(mouse)), "a desktop with a wireless mouse");
        State chargingPad = new State("ps-controller-battery-aa:bb", false, true, false, true);
        assertTrue(BatteryRule.onBattery(List.of(battery(false, false, true), chargingPad)),
                "a game pad charging from a laptop on battery does not mean mains");
    }
}
