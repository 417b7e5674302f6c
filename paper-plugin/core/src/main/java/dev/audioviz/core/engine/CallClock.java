package dev.audioviz.core.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;

/**
 * The clock engine budgets are counted on (the watchdog's per-call budget, and through the host's {@code cpuTime}
 * the engine's per-pattern budget): nanoseconds a given thread has used. Production counts the
 * script thread's CPU time, so a call is charged only for what it ran, not for the time a loaded machine
 * (server, hub and clients on two cores) or a garbage-collection pause kept it off a core; a runaway loop
 * still burns CPU at full speed and is stopped just as fast. Tests pass a manual clock.
 */
@FunctionalInterface
public interface CallClock {
    /** Monotonic nanoseconds charged to {@code thread} so far; only differences are meaningful. */
    long nanos(Thread thread);

    /** The same wall clock for every thread (tests, and JVMs without per-thread CPU time). */
    static CallClock wall(LongSupplier nanoTime) {
        return thread -> nanoTime.getAsLong();
    }

    /** The thread's CPU time where the JVM measures it, else {@code System.nanoTime()}. */
    static CallClock cpuTime() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) return wall(System::nanoTime);
        if (!threads.isThreadCpuTimeEnabled()) threads.setThreadCpuTimeEnabled(true);
        return thread -> {
            long cpu = threads.getThreadCpuTime(thread.threadId());
            // -1 once the thread has ended: nothing is running on it, so the time no longer matters.
            return cpu >= 0 ? cpu : 0;
        };
    }
}
