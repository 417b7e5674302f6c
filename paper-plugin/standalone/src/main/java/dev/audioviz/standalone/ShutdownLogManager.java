package dev.audioviz.standalone;

import java.util.logging.LogManager;

/**
 * java.util.logging's manager without its own shutdown hook's reset, so the lines AudioViz and Minestom log
 * while stopping on Ctrl-C ("AudioViz stopped") still reach the console. Installed by {@link StandaloneMain}
 * through the {@code java.util.logging.manager} property; {@link #resetAfterShutdown()} flushes at the very end.
 */
public final class ShutdownLogManager extends LogManager {
    private volatile boolean stopped;

    @Override
    public void reset() {
        if (stopped || !shuttingDown()) super.reset();
    }

    /** Resets (flushes and closes) the handlers once the server has stopped. */
    public void resetAfterShutdown() {
        stopped = true;
        super.reset();
    }

    private static boolean shuttingDown() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true; // hooks can no longer be added: the JVM is shutting down
        }
    }
}
