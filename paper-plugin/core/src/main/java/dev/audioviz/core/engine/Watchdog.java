package dev.audioviz.core.engine;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;
import org.graalvm.polyglot.Context;

/**
 * Stops any engine call that runs past its budget, so a runaway pattern cannot stall the script thread. The
 * script thread brackets each call with {@link #guard} / {@link #release}; a daemon thread polls
 * {@link #check()}. An over-budget call is interrupted with {@link Context#interrupt}; if the same call is still
 * running after {@value #MAX_INTERRUPTS} interrupts a budget apart (stuck outside guest code) its context is
 * closed, and its session recreated. Budgets are counted on a {@link CallClock}: in production the script
 * thread's CPU time, so only what a call itself runs is charged (a call blocked outside guest code burns no CPU
 * and is left alone: it holds up only the script thread, never the server thread).
 */
public final class Watchdog implements AutoCloseable {
    /**
     * How long one interrupt waits for the context to go idle. It rarely does: the script thread re-enters at
     * once for {@code interrupted()} and the next tick, so a timeout here is normal and only a call that is
     * still the same one at the next look counts as not stopped.
     */
    public static final Duration INTERRUPT_WAIT = Duration.ofMillis(20);
    /** Interrupts tried on one call before its context is closed instead. */
    public static final int MAX_INTERRUPTS = 3;

    private final CallClock clock;
    private final Logger logger;
    private final long pollNanos;
    private volatile Context context;
    private volatile Thread caller;
    private volatile String callName;
    private volatile long deadlineNanos;
    private volatile long budgetNanos;
    private int attempts;
    private final AtomicLong interrupts = new AtomicLong();
    private volatile long callSeq;
    private volatile boolean active;
    private volatile boolean fired;
    private volatile boolean cancelled;
    private volatile Thread poller;

    /**
     * @param clock what a call's time is counted on ({@link CallClock#cpuTime()}; a test passes a manual one)
     * @param pollInterval how often the poller looks, e.g. 2 ms for a 20 ms budget
     */
    public Watchdog(CallClock clock, Logger logger, Duration pollInterval) {
        this.clock = clock;
        this.logger = logger;
        this.pollNanos = pollInterval.toNanos();
    }

    /** Starts the polling thread: it looks every poll interval while a call runs, and sleeps between calls. */
    public void start() {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                if (active) {
                    check();
                    LockSupport.parkNanos(this, pollNanos);
                } else {
                    LockSupport.park(this); // guard() wakes it (a wake-up before this park is not lost)
                }
            }
        }, "AudioViz watchdog");
        t.setDaemon(true);
        poller = t;
        t.start();
    }

    /** Marks the start of an engine call on the script thread. */
    void guard(Context ctx, String name, long budgetNanos) {
        context = ctx;
        caller = Thread.currentThread();
        callName = name;
        fired = false;
        cancelled = false;
        attempts = 0;
        this.budgetNanos = budgetNanos;
        deadlineNanos = clock.nanos(caller) + budgetNanos;
        callSeq++;
        active = true;
        Thread p = poller;
        if (p != null) LockSupport.unpark(p);
    }

    /** Marks the end of the call started by the last {@link #guard}. */
    void release() {
        active = false;
    }

    /** True when the last guarded call was interrupted or cancelled for overrunning. */
    boolean fired() {
        return fired;
    }

    /** Calls interrupted for overrunning their budget, since start. */
    public long interrupts() {
        return interrupts.get();
    }

    /** True when the last guarded call had to be stopped by closing its context. */
    boolean cancelled() {
        return cancelled;
    }

    /**
     * One look: interrupts the current call when it is over budget. If the same call is still running one
     * budget later (the interrupt raced it entering the context, or it is stuck in host code) it is interrupted
     * again; after {@value #MAX_INTERRUPTS} attempts the context is closed. Called by the poller (or a test).
     */
    public void check() {
        if (!active) return;
        long seq = callSeq;
        long now = clock.nanos(caller);
        if (now - deadlineNanos < 0) return;
        Context ctx = context;
        if (!active || seq != callSeq || ctx == null) return;
        deadlineNanos = now + budgetNanos;
        if (!fired) {
            logger.warning("engine call " + callName + " ran over its budget; interrupting it");
            interrupts.incrementAndGet();
        }
        fired = true;
        if (++attempts > MAX_INTERRUPTS) {
            cancel(ctx, "did not stop after " + MAX_INTERRUPTS + " interrupts");
            return;
        }
        try {
            ctx.interrupt(INTERRUPT_WAIT);
        } catch (TimeoutException e) {
            // Normal: the thread has usually left this call and entered the next one (see INTERRUPT_WAIT).
        } catch (RuntimeException e) {
            // the context closed meanwhile: nothing left to stop
        }
    }

    private void cancel(Context ctx, String why) {
        cancelled = true;
        logger.warning("engine call " + callName + " " + why + "; closing its context (the engine restarts from"
                + " the same bundle)");
        try {
            ctx.close(true);
        } catch (RuntimeException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        Thread t = poller;
        if (t != null) t.interrupt();
    }
}
