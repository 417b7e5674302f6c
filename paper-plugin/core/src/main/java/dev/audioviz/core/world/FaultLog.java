package dev.audioviz.core.world;

import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs each distinct problem once (an unknown material, an entity that failed to apply), so a fault that
 * repeats every tick does not flood the console. Remembers at most {@link #MAX_KEYS} problems: a flood of
 * distinct ones is logged up to that many, then summed up in one line and no longer logged one by one.
 * Not thread-safe: one per thread (the server thread's display world, the core's tick).
 */
public final class FaultLog {
    public static final int MAX_KEYS = 256;
    /** Keys are cut to this, so remembering them stays small whatever a name's length. */
    static final int MAX_KEY_LENGTH = 200;

    private final Logger logger;
    private final Set<String> seen = new HashSet<>();
    private boolean full;

    public FaultLog(Logger logger) {
        this.logger = logger;
    }

    /**
     * Logs {@code message} (with {@code cause}'s stack trace when there is one) the first time {@code key} is
     * reported.
     *
     * @return whether it was logged now
     */
    public boolean once(String key, String message, Throwable cause) {
        if (key.length() > MAX_KEY_LENGTH) key = key.substring(0, MAX_KEY_LENGTH);
        if (seen.contains(key)) return false;
        if (seen.size() >= MAX_KEYS) {
            if (!full) {
                full = true;
                logger.warning("AudioViz has reported " + MAX_KEYS + " distinct problems; further ones are not"
                        + " logged one by one");
            }
            return false;
        }
        seen.add(key);
        if (cause == null) logger.warning(message);
        else logger.log(Level.WARNING, message, cause);
        return true;
    }
}
