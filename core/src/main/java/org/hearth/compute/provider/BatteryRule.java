package org.hearth.compute.provider;

import java.util.List;

/**
 * Whether the computer runs on battery, from its power sources. The rule errs towards "on mains":
 * a wrong "on battery" only pauses sharing, but it must never hit a desktop or a server.
 *
 * <p>On battery means: at least one source that powers the computer is discharging, none says
 * external power is on line, and none is charging (a charging battery means mains is there). So:
 * <ul>
 *   <li>no source at all (a desktop, a server, a VM) is on mains;</li>
 *   <li>a peripheral's battery (Linux lists a wireless mouse's battery beside the laptop's) is ignored
 *       either way: its discharging says nothing about the computer;</li>
 *   <li>a UPS that reports on line is on mains; one that OSHI reports with no state at all (on macOS
 *       a UPS without an internal battery comes back neither on line, charging nor discharging) is on
 *       mains too; a UPS that really discharges during a power cut counts as battery, which is right;</li>
 *   <li>a laptop battery that is full or "not charging" on the adapter reports neither charging nor
 *       discharging, so it is on mains. OSHI on Linux never sets "on line", hence the discharging test.</li>
 * </ul>
 */
public final class BatteryRule {

    private BatteryRule() {
    }

    public static boolean onBattery(List<PowerSources.State> sources) {
        List<PowerSources.State> system = sources.stream().filter(s -> !s.peripheral()).toList();
        return system.stream().anyMatch(PowerSources.State::discharging)
                && system.stream().noneMatch(s -> s.onLine() || s.charging());
    }
}
