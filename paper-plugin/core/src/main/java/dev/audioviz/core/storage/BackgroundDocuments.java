package dev.audioviz.core.storage;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Saves documents on a writer thread of its own. The engine saves from inside its tick, which the watchdog
 * may interrupt; an fsync there would stretch the tick past its budget, and an interrupt would close the file
 * channel mid-write and lose the save. Here the tick only hands over the text: the newest text per document
 * wins, reads see a pending text at once, and {@link #close()} waits for every pending write.
 */
public final class BackgroundDocuments implements Documents, AutoCloseable {
    private final Documents target;
    private final Logger logger;
    private final Map<String, String> pending = new ConcurrentHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "AudioViz document writer");
        thread.setDaemon(true);
        return thread;
    });

    public BackgroundDocuments(Documents target, Logger logger) {
        this.target = target;
        this.logger = logger;
    }

    @Override
    public String read(String name) throws IOException {
        String waiting = pending.get(name);
        return waiting != null ? waiting : target.read(name);
    }

    @Override
    public void write(String name, String text) {
        // Only the first of several quick saves schedules a write; the flush writes whatever text is newest.
        if (pending.put(name, text) != null) return;
        try {
            writer.execute(() -> flush(name));
        } catch (RejectedExecutionException e) {
            flush(name); // closed: write on the caller's thread rather than lose the save
        }
    }

    private void flush(String name) {
        for (;;) {
            String text = pending.get(name);
            if (text == null) return;
            try {
                target.write(name, text);
            } catch (IOException e) {
                logger.log(Level.SEVERE, "cannot save the engine document " + name + ": " + e.getMessage()
                        + "; check that the data folder is writable", e);
            }
            if (pending.remove(name, text)) return;
            // A newer text arrived during the write: write that one too.
        }
    }

    /** Writes everything still pending, then stops the writer thread. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                logger.warning("engine documents were still being written after 10 s; the last save may be missing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
