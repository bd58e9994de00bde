package org.hearth.compute.job;

/** One compute device as a backend sees it; unknown fields are empty strings or 0. */
public record DeviceInfo(String name, String vendor, long memoryBytes, String driver, int computeUnits) {
}
