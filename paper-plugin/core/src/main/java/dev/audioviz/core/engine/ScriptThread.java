package dev.audioviz.core.engine;

import dev.audioviz.core.world.FaultLog;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The one thread that owns the script context. It sleeps until the server tick signals it (requests
 * coalesce: a slow tick is never queued twice) or a task arrives, runs tasks first, then at most one tick,
 * started {@code tickDelay} after the signal so it takes in the freshest audio and still ends before the next
 * server tick. Nothing here blocks the caller: {@link #requestTick()} and {@link #submit} return at once.
 */
public final class ScriptThread {
    /** Tasks waiting at most (commands, reloads); more are refused rather than queued without bound. */
    public static final int TASK_CAPACITY = 256;
    private static final long SERVER_TICK_NANOS = 50_000_000L;
    private static final long SAFETY_MARGIN_NANOS = 5_000_000L;

    private final Runnable tick;
    private final Logger logger;
    private final FaultLog faults;
    private final BlockingQueue<Runnable> tasks = new ArrayBlockingQueue<>(TASK_CAPACITY);
    private final AtomicBoolean tickRequested = new AtomicBoolean();
    private final long tickDelayNanos;
    private final LongSupplier nanoTime;
    private volatile long tickRequestedAtNanos;
    private volatile long tickDueNanos;
    /** A task ran while the requested tick waited (a reload, a command): its lateness is not the tick's. */
    private boolean tasksHeldTick;
    private volatile long lateTicks;
    /** Recent engine tick duration, ns (moving average), written and read on the script thread. */
    private volatile long typicalTickNanos;
    private final Thread thread;
    private volatile boolean running = true;

    /** @param tick one engine tick, run on this thread when the server asks for one */
    public ScriptThread(Runnable tick, Logger logger) {
        this(tick, logger, Duration.ZERO, System::nanoTime);
    }

    /**
     * @param tickDelay how long after {@link #requestTick()} the tick starts
     * @param nanoTime the clock the delay is measured on
     */
    public ScriptThread(Runnable tick, Logger logger, Duration tickDelay, LongSupplier nanoTime) {
        this.tick = tick;
        this.logger = logger;
        this.faults = new FaultLog(logger);
        this.tickDelayNanos = tickDelay.toNanos();
        this.nanoTime = nanoTime;
        this.thread = new Thread(this::loop, "AudioViz script");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Asks for one tick; returns at once. Called from the server thread every server tick. */
    public void requestTick() {
        // Only the server thread calls this; the due time is written before the flag that publishes it.
        if (!tickRequested.get()) {
            long now = nanoTime.getAsLong();
            tickRequestedAtNanos = now;
            tickDueNanos = now + effectiveDelayNanos();
        }
        tickRequested.set(true);
        LockSupport.unpark(thread);
    }

    /** Runs {@code task} on the script thread; the future fails when the queue is full or the thread stopped. */
    public <T> CompletableFuture<T> submit(Callable<T> task) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Runnable wrapped = () -> {
            try {
                future.complete(task.call());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        };
        if (!running || !tasks.offer(wrapped)) {
            future.completeExceptionally(new RejectedExecutionException(
                    running ? "the script thread is busy (" + TASK_CAPACITY + " tasks waiting); try again" : "stopped"));
        } else {
            LockSupport.unpark(thread);
        }
        return future;
    }

    /** Runs {@code last} on the script thread after the waiting tasks, then ends the thread; waits up to 10 s. */
    public void stop(Runnable last) throws InterruptedException {
        CompletableFuture<Object> done = submit(() -> {
            last.run();
            return null;
        });
        running = false;
        LockSupport.unpark(thread);
        thread.join(10_000);
        if (!done.isDone()) logger.warning("the script thread did not stop within 10 s");
    }

    private void loop() {
        while (running || !tasks.isEmpty()) {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                if (tickRequested.get()) tasksHeldTick = true;
                runSafely(task);
            }
            if (tickRequested.get() && running) {
                long wait = tickDueNanos - nanoTime.getAsLong();
                if (wait > 0) {
                    LockSupport.parkNanos(this, wait); // a task arriving meanwhile wakes us and runs first
                    continue;
                }
                tickRequested.set(false);
                long started = nanoTime.getAsLong();
                runSafely(tick);
                long finished = nanoTime.getAsLong();
                long took = finished - started;
                typicalTickNanos = typicalTickNanos == 0 ? took : (typicalTickNanos * 7 + took) / 8;
                // Finished after the next server tick began: that tick could not show it (50 ms more latency).
                if (!tasksHeldTick && finished - tickRequestedAtNanos > SERVER_TICK_NANOS) lateTicks++;
                tasksHeldTick = false;
            } else if (running && tasks.isEmpty()) {
                LockSupport.park(this);
            }
        }
    }

    /**
     * Ticks that finished after the server tick following their request had begun, not counting those held
     * back by tasks (reloads, commands); any thread.
     */
    public long lateTicks() {
        return lateTicks;
    }

    /**
     * The configured delay, shortened when ticks run long (cold or interpreted GraalJS) so a tick still ends
     * well before the next 50 ms server tick rather than missing it.
     */
    private long effectiveDelayNanos() {
        long room = SERVER_TICK_NANOS - 3 * typicalTickNanos / 2 - SAFETY_MARGIN_NANOS;
        return Math.max(0, Math.min(tickDelayNanos, room));
    }

    /** A failure is logged once per kind (a tick that fails the same way every tick must not flood the log). */
    private void runSafely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            faults.once(e.getClass().getName() + ' ' + e.getMessage(), "AudioViz script thread task failed;"
                    + " continuing", e);
        }
    }
}
