package org.hearth.market;

import java.util.Optional;

/**
 * What a job's {@code kind} byte means to Hearth: the kernel its manifest names. Other values may be
 * posted by other clients; Hearth shows them as unknown and never claims them.
 */
public enum JobKind {
    GEMM(1, "gemm"), RENDER(2, "render");

    private final int code;
    private final String kernel;

    JobKind(int code, String kernel) {
        this.code = code;
        this.kernel = kernel;
    }

    public int code() {
        return code;
    }

    /** The manifest's {@code kernel} for this kind. */
    public String kernel() {
        return kernel;
    }

    public static Optional<JobKind> of(int code) {
        for (JobKind k : values()) {
            if (k.code == code) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static Optional<JobKind> ofKernel(String kernel) {
        for (JobKind k : values()) {
            if (k.kernel.equals(kernel)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
