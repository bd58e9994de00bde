package org.hearth.compute.thermal;

/** Where the policy reads temperatures: NVML and OSHI on a real machine, fixed readings in tests. */
public interface ThermalSource {

    /** Never throws: what cannot be read is named in the reading's reasons. */
    ThermalReading read();
}
