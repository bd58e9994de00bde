package org.hearth.compute.thermal;

/** NVML cannot be used here; the message says why in plain words. */
public final class NvmlException extends RuntimeException {
    public NvmlException(String message) {
        super(message);
    }
}
