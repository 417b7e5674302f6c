package dev.audioviz.core.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches {@code scripts/engine.js} and {@code scripts/patterns/*.js} in the data folder and reports a file
 * once its size and modification time are unchanged across two scans, so a half-written file is not loaded.
 * Polling rather than a WatchService because the JDK's watcher polls every few seconds on some systems; at
 * {@link #SCAN_INTERVAL_MS} a change is picked up within two scans (well under a second).
 */
public final class ScriptFolderWatcher implements AutoCloseable {
    /** Scan period, ms. */
    public static final long SCAN_INTERVAL_MS = 200;
    /** Largest file read, bytes; bigger ones are reported as errors. */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    /** Size, modification time (ns) and file identity: a rename over the file changes the identity. */
    private record Stamp(long size, long modifiedNanos, Object fileKey) {}

    private final Path folder;
    private final BiConsumer<String, String> onBundle;
    private final BiConsumer<String, String> onPattern;
    private final Logger logger;
    private final Map<Path, Stamp> loaded = new HashMap<>();
    private final Map<Path, Stamp> seen = new HashMap<>();
    private volatile Thread thread;

    /**
     * @param folder the {@code scripts/} folder
     * @param onBundle receives (file name, source) of a changed engine.js
     * @param onPattern receives (pattern name, source) of a changed patterns/NAME.js
     */
    public ScriptFolderWatcher(
            Path folder, BiConsumer<String, String> onBundle, BiConsumer<String, String> onPattern, Logger logger) {
        this.folder = folder;
        this.onBundle = onBundle;
        this.onPattern = onPattern;
        this.logger = logger;
    }

    /** Records what is there now without reporting it (the caller loads the initial state itself). */
    public synchronized void baseline() {
        for (Map.Entry<Path, Stamp> e : stamps().entrySet()) {
            loaded.put(e.getKey(), e.getValue());
            seen.put(e.getKey(), e.getValue());
        }
    }

    public void start() {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(SCAN_INTERVAL_MS);
                    scan();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    logger.log(Level.WARNING, "scanning " + folder + " failed; retrying", e);
                }
            }
        }, "AudioViz script watcher");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** One scan: reports files whose stamp changed since they were loaded and held still since the last scan. */
    public synchronized void scan() {
        Map<Path, Stamp> now = stamps();
        for (Map.Entry<Path, Stamp> e : now.entrySet()) {
            Path file = e.getKey();
            Stamp stamp = e.getValue();
            boolean settled = stamp.equals(seen.get(file));
            seen.put(file, stamp);
            if (!settled || stamp.equals(loaded.get(file))) continue;
            loaded.put(file, stamp);
            report(file, stamp);
        }
        seen.keySet().retainAll(now.keySet());
        loaded.keySet().retainAll(now.keySet());
    }

    private void report(Path file, Stamp stamp) {
        if (stamp.size > MAX_FILE_BYTES) {
            logger.warning(file + " is larger than " + MAX_FILE_BYTES + " bytes; not loaded");
            return;
        }
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            logger.warning("cannot read " + file + ": " + e.getMessage());
            return;
        }
        String name = file.getFileName().toString();
        if (file.getParent().equals(folder)) onBundle.accept(name, source);
        else onPattern.accept(name.substring(0, name.length() - ".js".length()), source);
    }

    private Map<Path, Stamp> stamps() {
        Map<Path, Stamp> out = new HashMap<>();
        stamp(folder.resolve("engine.js"), out);
        Path patterns = folder.resolve("patterns");
        if (Files.isDirectory(patterns)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(patterns, "*.js")) {
                for (Path f : files) stamp(f, out);
            } catch (IOException e) {
                logger.fine("cannot list " + patterns + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static void stamp(Path file, Map<Path, Stamp> out) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (a.isRegularFile()) out.put(file, new Stamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.fileKey()));
        } catch (IOException e) {
            // not there (yet): nothing to report
        }
    }

    @Override
    public void close() {
        Thread t = thread;
        if (t != null) t.interrupt();
    }
}
