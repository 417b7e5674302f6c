package dev.audioviz.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ScriptThreadTest {
    private static final Logger LOG = Logger.getLogger("test");

    @Test
    void runsARequestedTickAtOnceWithoutADelay() throws Exception {
        CountDownLatch ticked = new CountDownLatch(1);
        ScriptThread thread = new ScriptThread(ticked::countDown, LOG);
        thread.start();
        thread.requestTick();
        assertTrue(ticked.await(10, TimeUnit.SECONDS));
        thread.stop(() -> {});
    }

    @Test
    void startsTheTickOnlyOnceItsDelayHasPassedAndRunsTasksMeanwhile() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        AtomicInteger ticks = new AtomicInteger();
        CountDownLatch ticked = new CountDownLatch(1);
        ScriptThread thread = new ScriptThread(() -> {
            ticks.incrementAndGet();
            ticked.countDown();
        }, LOG, Duration.ofMillis(20), now::get);
        thread.start();
        thread.requestTick();
        // The manual clock stands still: the tick stays due in 20 ms, while a command runs at once.
        assertEquals(0, thread.submit(ticks::get).get(10, TimeUnit.SECONDS));
        thread.requestTick(); // coalesces with the pending request, keeping its due time
        now.addAndGet(Duration.ofMillis(20).toNanos());
        assertTrue(ticked.await(10, TimeUnit.SECONDS));
        assertEquals(1, thread.submit(ticks::get).get(10, TimeUnit.SECONDS));
        thread.stop(() -> {});
    }

    @Test
    void shortensTheDelayWhenTicksRunLong() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        AtomicInteger ticks = new AtomicInteger();
        // Each tick "takes" 30 ms on the manual clock: 50 − 1.5 × 30 − 5 leaves no room for a delay.
        ScriptThread thread = new ScriptThread(() -> {
            ticks.incrementAndGet();
            now.addAndGet(Duration.ofMillis(30).toNanos());
        }, LOG, Duration.ofMillis(20), now::get);
        thread.start();
        thread.requestTick();
        now.addAndGet(Duration.ofMillis(20).toNanos());
        thread.submit(() -> null).get(10, TimeUnit.SECONDS); // wakes the thread
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ticks.get() < 1 && System.nanoTime() < deadline) Thread.onSpinWait();
        assertEquals(1, ticks.get());
        thread.requestTick(); // due at once now: the manual clock does not move, yet the tick runs
        while (ticks.get() < 2 && System.nanoTime() < deadline) Thread.onSpinWait();
        assertEquals(2, ticks.get());
        thread.stop(() -> {});
    }
}
