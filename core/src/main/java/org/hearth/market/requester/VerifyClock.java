package org.hearth.market.requester;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** CPU time of the reviewing thread: what a check costs in work, unaffected by other processes sharing the cores. */
final class VerifyClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean SUPPORTED = THREADS.isCurrentThreadCpuTimeSupported();

    private VerifyClock() {
    }

    /** This thread's CPU nanoseconds, or 0 where the JVM cannot tell (the CPU figure then reads 0). */
    static long threadCpuNanos() {
        return SUPPORTED ? THREADS.getCurrentThreadCpuTime() : 0;
    }
}
