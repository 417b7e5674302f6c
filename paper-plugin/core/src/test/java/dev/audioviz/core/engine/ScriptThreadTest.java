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
        thread.submit(() -> null).get(10, TimeUnit.SECONDS); // the first tick has ended and been timed
        thread.requestTick(); // due at once now: the manual clock does not move, yet the tick runs
        while (ticks.get() < 2 && System.nanoTime() < deadline) Thread.onSpinWait();
        assertEquals(2, ticks.get());
        thread.stop(() -> {});
    }

    @Test
    void countsATickThatEndsAfterTheNextServerTickAsLate() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        CountDownLatch ticked = new CountDownLatch(2);
        // Each tick "takes" 60 ms on the manual clock: longer than a server tick.
        ScriptThread thread = new ScriptThread(() -> {
            now.addAndGet(Duration.ofMillis(60).toNanos());
            ticked.countDown();
        }, LOG, Duration.ZERO, now::get);
        thread.start();
        thread.requestTick();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.lateTicks() < 1 && System.nanoTime() < deadline) Thread.onSpinWait();
        assertEquals(1, thread.lateTicks());
        thread.stop(() -> {});
    }

    @Test
    void aTickHeldBackByATaskIsNotCountedLate() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        CountDownLatch ticked = new CountDownLatch(1);
        ScriptThread thread = new ScriptThread(ticked::countDown, LOG, Duration.ofMillis(20), now::get);
        thread.start();
        thread.requestTick();
        // A reload-like task runs while the tick waits for its delay and takes 80 ms of the manual clock.
        thread.submit(() -> now.addAndGet(Duration.ofMillis(80).toNanos())).get(10, TimeUnit.SECONDS);
        thread.submit(() -> null).get(10, TimeUnit.SECONDS); // wakes the thread: the tick is overdue now
        assertTrue(ticked.await(10, TimeUnit.SECONDS));
        assertEquals(0, thread.submit(thread::lateTicks).get(10, TimeUnit.SECONDS));
        thread.stop(() -> {});
    }
}
