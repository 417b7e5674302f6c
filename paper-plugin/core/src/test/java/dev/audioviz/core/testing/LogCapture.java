package dev.audioviz.core.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what a logger publishes at or above a level, in order, instead of printing it. Safe to publish from
 * any thread (the script thread, the watchdog and socket threads all log).
 */
public final class LogCapture extends Handler {
    public final List<String> messages = new CopyOnWriteArrayList<>();
    private final Level threshold;

    private LogCapture(Level threshold) {
        this.threshold = threshold;
    }

    /** Captures {@code logger}'s messages at {@code threshold} or above; its parent handlers no longer print them. */
    public static LogCapture on(Logger logger, Level threshold) {
        LogCapture capture = new LogCapture(threshold);
        logger.setUseParentHandlers(false);
        logger.addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= threshold.intValue()) messages.add(record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
