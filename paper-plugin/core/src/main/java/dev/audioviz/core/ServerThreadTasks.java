package dev.audioviz.core;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work other threads hand to the server thread (command replies, announcements), run at the start of each
 * {@link AudioVizCore#onServerTick()}. Bounded so a chatty engine cannot grow it: extra work is dropped and
 * logged.
 */
final class ServerThreadTasks {
    static final int CAPACITY = 1024;
    /** Tasks run per server tick at most, so a backlog cannot lengthen one tick. */
    static final int PER_TICK = 256;

    private final BlockingQueue<Runnable> tasks = new ArrayBlockingQueue<>(CAPACITY);
    private final Logger logger;
    private long dropped;

    ServerThreadTasks(Logger logger) {
        this.logger = logger;
    }

    /** Queues a task; returns false (and drops it) when full. Any thread. */
    boolean post(Runnable task) {
        if (tasks.offer(task)) return true;
        synchronized (this) {
            if (dropped++ % 1000 == 0) logger.warning("AudioViz server-thread queue full; dropping work (" + dropped + ")");
        }
        return false;
    }

    /** Runs up to {@link #PER_TICK} waiting tasks. Server thread. */
    void runPending() {
        Runnable task;
        for (int i = 0; i < PER_TICK && (task = tasks.poll()) != null; i++) {
            try {
                task.run();
            } catch (RuntimeException e) {
                logger.log(Level.WARNING, "AudioViz server-thread task failed", e);
            }
        }
    }
}
