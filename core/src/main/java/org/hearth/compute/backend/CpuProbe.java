package org.hearth.compute.backend;

/** The CPU candidate (Vector API); wired to the CPU backend once it is merged. */
public final class CpuProbe {

    private CpuProbe() {
    }

    public static BackendCandidate probe(int maxThreads) {
        return BackendCandidate.unavailable("cpu", "the CPU backend is not in this build yet");
    }
}
