package org.hearth.compute.provider;

/**
 * What the policy looks at: how busy the CPU is with other programs (0..1, the worker's own use
 * excluded), whether the machine runs on battery, and the local hour.
 */
public record MachineState(double othersBusy, boolean onBattery, int hour) {
}
