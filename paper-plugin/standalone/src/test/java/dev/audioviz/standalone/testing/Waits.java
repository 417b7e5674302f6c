package dev.audioviz.standalone.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting on events from other threads and processes. The limit is a hang guard sized for a slow, busy
 * 2-core machine, never a timing assertion: a test fails only if the event never comes.
 */
public final class Waits {
    /** Generous bound for anything that happens within a few server ticks on a healthy machine. */
    public static final Duration EVENT = Duration.ofSeconds(60);

    private Waits() {}

    /** Waits until {@code condition} holds; fails naming {@code what} (and the current state) otherwise. */
    public static void until(BooleanSupplier condition, String what, Supplier<String> state) {
        long deadline = System.nanoTime() + EVENT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + "; " + state.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** {@link #until(BooleanSupplier, String, Supplier)} without extra state. */
    public static void until(BooleanSupplier condition, String what) {
        until(condition, what, () -> "");
    }
}
