package dev.audioviz.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.audioviz.core.AudioVizCore;
import dev.audioviz.core.testing.ManualClock;
import dev.audioviz.core.testing.RecordingDisplayWorld;
import dev.audioviz.core.testing.ServerLoop;
import dev.audioviz.core.testing.TestCores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runaway scripts: interrupted at their budget, disabled, and never holding up the server thread. */
class WatchdogIntegrationTest {
    @TempDir
    Path data;

    private final RecordingDisplayWorld world = new RecordingDisplayWorld();

    /** An endless JS loop on its own thread under {@code watchdog} (20 ms budget), running once constructed. */
    private static final class GuardedLoop implements AutoCloseable {
        final Context context = Context.create("js");
        final AtomicReference<PolyglotException> failure = new AtomicReference<>();
        final Thread thread;

        GuardedLoop(Watchdog watchdog) throws InterruptedException {
            CountDownLatch running = new CountDownLatch(1);
            // The loop tells the test it is running, so the interrupt cannot arrive before the context is entered.
            context.getBindings("js").putMember("running", (ProxyExecutable) a -> {
                running.countDown();
                return null;
            });
            thread = new Thread(() -> {
                watchdog.guard(context, "loop", 20_000_000);
                try {
                    context.eval("js", "running(); while (true) {}");
                } catch (PolyglotException e) {
                    failure.set(e);
                } finally {
                    watchdog.release();
                }
            });
            thread.start();
            running.await();
        }

        /** True once the loop ended by an interrupt (waits for it). */
        boolean endedByInterrupt() throws InterruptedException {
            thread.join(60_000);
            return failure.get() != null && failure.get().isInterrupted();
        }

        @Override
        public void close() {
            context.close(true);
        }
    }

    @Test
    void interruptsAGuardedCallOnceItsBudgetIsSpent() throws Exception {
        AtomicLong nanos = new AtomicLong();
        Watchdog watchdog = new Watchdog(CallClock.wall(nanos::get), Logger.getLogger("test"), Duration.ofMillis(1));
        try (GuardedLoop loop = new GuardedLoop(watchdog)) {
            nanos.set(19_999_999);
            watchdog.check();
            assertTrue(loop.thread.isAlive(), "still within its budget");
            nanos.set(20_000_000);
            watchdog.check();
            assertTrue(loop.endedByInterrupt(), "the loop was interrupted");
            assertTrue(watchdog.fired());
        }
    }

    @Test
    void chargesACallOnlyWithTheTimeOfTheThreadThatMadeIt() throws Exception {
        // Per-thread clocks: the script thread's stands still (descheduled on a loaded machine) while the
        // others run on; only the script thread's own time may spend its budget.
        Map<Thread, AtomicLong> clocks = new ConcurrentHashMap<>();
        CallClock clock = thread -> clocks.computeIfAbsent(thread, t -> new AtomicLong()).get();
        Watchdog watchdog = new Watchdog(clock, Logger.getLogger("test"), Duration.ofMillis(1));
        try (GuardedLoop loop = new GuardedLoop(watchdog)) {
            clocks.computeIfAbsent(Thread.currentThread(), t -> new AtomicLong()).set(1_000_000_000);
            watchdog.check();
            assertTrue(loop.thread.isAlive(), "other threads' time is not charged to the call");
            clocks.get(loop.thread).set(20_000_000);
            watchdog.check();
            assertTrue(loop.endedByInterrupt(), "interrupted on its own time");
        }
    }

    @Test
    void theCpuClockChargesAThreadForRunningButNotForWaiting() throws Exception {
        CallClock cpu = CallClock.cpuTime();
        CountDownLatch release = new CountDownLatch(1);
        Thread waiting = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiting.start();
        long waitingBefore = cpu.nanos(waiting);
        long mineBefore = cpu.nanos(Thread.currentThread());
        long wallBefore = System.nanoTime();
        long spins = 0;
        while (System.nanoTime() - wallBefore < 200_000_000L) spins++; // 200 ms of work on this thread
        long waited = cpu.nanos(waiting) - waitingBefore;
        long worked = cpu.nanos(Thread.currentThread()) - mineBefore;
        release.countDown();
        waiting.join();
        assertTrue(spins > 0);
        assertTrue(waited < 20_000_000L, "a waiting thread used " + waited + " ns of CPU in 200 ms");
        // Even with the other core busy, a spinning thread gets a good share of 200 ms.
        assertTrue(worked > 40_000_000L, "a spinning thread used only " + worked + " ns of CPU in 200 ms");
    }

    @Test
    void disablesAPatternWithAnInfiniteLoopAndKeepsTheShowRunning() throws Exception {
        AudioVizCore core = TestCores.core(data, TestCores.fixtureBundle(),
                TestCores.config(Map.of("engine.call_budget_ms", 200, "engine.warmup_ticks", 0)), world,
                new ManualClock(0));
        core.start();
        try {
            ServerLoop.tickUntil(core, () -> !world.applied.isEmpty(), "the first frame");
            Files.writeString(data.resolve("scripts/patterns/spin.js"), "({ calculate() { while (true) {} } })");
            ServerLoop.tickUntil(core, () -> core.status().engine().disabledPatterns().contains("spin"),
                    "the looping pattern disabled");
            long frames = core.status().framesApplied();
            ServerLoop.tickUntil(core, () -> core.status().framesApplied() > frames + 5,
                    "frames from the fallback pattern");
            assertEquals(List.of("spin"), core.status().engine().disabledPatterns());
        } finally {
            core.stop();
        }
    }

    @Test
    void serverTicksReturnWhileTheScriptThreadIsStuck() throws Exception {
        BlockingClock clock = new BlockingClock();
        AudioVizCore core = TestCores.core(data, TestCores.fixtureBundle(),
                TestCores.config(Map.of("engine.call_budget_ms", 600_000)), world, clock);
        core.start();
        try {
            ServerLoop.tickUntil(core, () -> !world.applied.isEmpty(), "the first frame");
            clock.block();
            ServerLoop.tickUntil(core, () -> clock.blocked.getCount() == 0, "the script thread stuck in now()");
            long frames = core.status().framesApplied();
            for (int i = 0; i < 1000; i++) core.onServerTick(); // would hang here if a tick waited
            assertTrue(core.status().framesApplied() <= frames + 1, "no new frames while the script thread is stuck");
            clock.release();
            ServerLoop.tickUntil(core, () -> core.status().framesApplied() > frames + 2, "frames again after release");
        } finally {
            core.stop();
        }
    }

    /** A clock whose reads block on demand, to hold the script thread inside host.now(). */
    private static final class BlockingClock extends java.time.Clock {
        final CountDownLatch gate = new CountDownLatch(1);
        volatile CountDownLatch blocked = new CountDownLatch(1);
        volatile boolean blocking;

        void block() {
            blocking = true;
        }

        void release() {
            blocking = false;
            gate.countDown();
        }

        @Override
        public long millis() {
            if (blocking && Thread.currentThread().getName().equals("AudioViz script")) {
                blocked.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return 0;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
