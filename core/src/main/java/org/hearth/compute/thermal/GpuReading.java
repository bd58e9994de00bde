package org.hearth.compute.thermal;

/**
 * One GPU as its driver reports it now.
 *
 * @param celsius         core temperature, or -1 when the driver gives none for this device
 * @param powerMilliwatts board power draw, or -1 when the driver gives none
 */
public record GpuReading(int index, String name, int celsius, long powerMilliwatts) {
}
