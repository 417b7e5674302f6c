package dev.audioviz.core.testing;

import dev.audioviz.core.AudioVizCore;
import java.util.function.BooleanSupplier;

/**
 * Plays the platform's server thread in tests: calls {@link AudioVizCore#onServerTick()} until a condition
 * holds. The cap is a hang guard (it fails the test with what was awaited), not a timing assertion.
 */
public final class ServerLoop {
    private static final int MAX_TICKS = 20_000;

    private ServerLoop() {}

    /** Ticks until {@code condition} holds; fails with {@code what} after {@value #MAX_TICKS} ticks. */
    public static void tickUntil(AudioVizCore core, BooleanSupplier condition, String what) {
        for (int i = 0; i < MAX_TICKS; i++) {
            core.onServerTick();
            if (condition.getAsBoolean()) return;
            pause();
        }
        throw new AssertionError("gave up waiting for: " + what);
    }

    /** Ticks {@code n} times. */
    public static void tick(AudioVizCore core, int n) {
        for (int i = 0; i < n; i++) {
            core.onServerTick();
            pause();
        }
    }

    /** Waits for a condition driven by other threads (sockets), with the same hang guard. */
    public static void await(BooleanSupplier condition, String what) {
        for (int i = 0; i < MAX_TICKS; i++) {
            if (condition.getAsBoolean()) return;
            pause();
        }
        throw new AssertionError("gave up waiting for: " + what);
    }

    private static void pause() {
        // One real server tick is 50 ms; a short yield keeps tests fast while other threads work.
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
