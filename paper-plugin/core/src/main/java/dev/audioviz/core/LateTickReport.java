package dev.audioviz.core;

import java.util.logging.Logger;

/**
 * Tells the console when engine ticks keep finishing after the server tick that was to show them (each such
 * tick reaches players 50 ms late), so the owner can lower {@code engine.tick_delay_ms} or look for what keeps
 * the machine busy. Counts per minute; the first minute after start is left out (cold GraalJS). Server thread.
 */
final class LateTickReport {
    static final long WINDOW_MS = 60_000;
    /** Late ticks in one window worth a line: 1 in 60 of the window's 1200 ticks. */
    static final long THRESHOLD = 20;

    private final Logger logger;
    private final long tickDelayMs;
    private long windowStartMs = Long.MIN_VALUE;
    private long lateAtWindowStart;
    private boolean warmingUp = true;

    LateTickReport(Logger logger, long tickDelayMs) {
        this.logger = logger;
        this.tickDelayMs = tickDelayMs;
    }

    /**
     * @param lateTicks the script thread's count of late ticks so far
     * @param nowMs the server clock
     */
    void check(long lateTicks, long nowMs) {
        if (windowStartMs == Long.MIN_VALUE) {
            windowStartMs = nowMs;
            lateAtWindowStart = lateTicks;
            return;
        }
        if (nowMs - windowStartMs < WINDOW_MS) return;
        long late = lateTicks - lateAtWindowStart;
        if (!warmingUp && late >= THRESHOLD) {
            logger.warning("AudioViz: " + late + " engine ticks in the last minute finished after the server tick"
                    + " that was to show them, so the lights lagged 50 ms each time. Lower engine.tick_delay_ms"
                    + " (now " + tickDelayMs + " ms) or look for what keeps the server busy.");
        }
        warmingUp = false;
        windowStartMs = nowMs;
        lateAtWindowStart = lateTicks;
    }
}
