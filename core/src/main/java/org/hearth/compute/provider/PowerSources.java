package org.hearth.compute.provider;

import java.util.List;

/** Where the probe reads the machine's batteries and UPSes: OSHI in the app, fixed states in tests. */
public interface PowerSources {

    /**
     * One power source as the OS reports it.
     *
     * @param onLine      the OS says external power is connected (OSHI on Linux never sets it)
     * @param charging    the source is charging
     * @param discharging the source is discharging
     * @param peripheral  a device's own battery (a wireless mouse, a game pad), not one that powers the computer
     */
    record State(String name, boolean onLine, boolean charging, boolean discharging, boolean peripheral) {
    }

    List<State> states();
}
