package org.hearth.compute.provider;

import java.util.ArrayDeque;
import java.util.List;

/** The last {@link #POINTS} throughput samples of each kind, so a screen opened later shows the recent past. */
public final class ThroughputHistory {

    public static final int POINTS = 60;

    /** Oldest first. */
    public record Snapshot(List<Double> renderMsps, List<Double> gemmGflops) {
    }

    private final ArrayDeque<Double> render = new ArrayDeque<>();
    private final ArrayDeque<Double> gemm = new ArrayDeque<>();

    synchronized void addRender(double msps) {
        add(render, msps);
    }

    synchronized void addGemm(double gflops) {
        add(gemm, gflops);
    }

    synchronized void clear() {
        render.clear();
        gemm.clear();
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(List.copyOf(render), List.copyOf(gemm));
    }

    private static void add(ArrayDeque<Double> samples, double value) {
        samples.addLast(value);
        if (samples.size() > POINTS) {
            samples.removeFirst();
        }
    }
}
