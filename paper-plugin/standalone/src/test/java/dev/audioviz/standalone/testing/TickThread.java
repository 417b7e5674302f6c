package dev.audioviz.standalone.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.minestom.server.MinecraftServer;

/** Runs test steps on Minestom's tick thread, where the display world must be used. */
public final class TickThread {
    private TickThread() {}

    /** Runs {@code step} at the start of the next tick and returns its result once it ran. */
    public static <T> T call(Supplier<T> step) {
        CompletableFuture<T> result = new CompletableFuture<>();
        MinecraftServer.getSchedulerManager().scheduleNextTick(() -> {
            try {
                result.complete(step.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(Waits.EVENT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("a step on the tick thread failed or never ran", e);
        }
    }

    /** Runs {@code step} on the tick thread and waits for it. */
    public static void run(Runnable step) {
        call(() -> {
            step.run();
            return null;
        });
    }
}
