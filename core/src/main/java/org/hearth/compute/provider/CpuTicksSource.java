package org.hearth.compute.provider;

/** Where the probe reads the machine's CPU time: OSHI in the app, fixed sequences in tests. */
public interface CpuTicksSource {

    /**
     * CPU time of all logical processors together since boot, in ticks of {@link #nanosPerTick()}.
     *
     * @param busy  ticks spent running something (user, nice, system, interrupts, steal)
     * @param total busy ticks plus idle and I/O wait
     */
    record CpuTicks(long busy, long total) {
    }

    CpuTicks ticks();

    /** Length of one tick; the worker's CPU time comes in nanoseconds and is converted with it. */
    long nanosPerTick();
}
