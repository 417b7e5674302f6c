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
}
