package dev.audioviz.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.audioviz.core.AudioVizCore;
import dev.audioviz.core.CoreStatus;
import dev.audioviz.core.testing.ManualClock;
import dev.audioviz.core.testing.RecordingDisplayWorld;
import dev.audioviz.core.testing.ServerLoop;
import dev.audioviz.core.testing.TestClient;
import dev.audioviz.core.testing.TestCores;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flood on :8765 through the whole core: bounded queue, oldest dropped, counter visible, heap flat. The call
 * budget is raised because one tick then handles 1000 messages; the watchdog has its own test.
 */
class InboundBurstIntegrationTest {
    @TempDir
    Path data;

    @Test
    void drops9000OfA10000MessageBurstOldestFirstAndKeepsTheNewest() throws Exception {
        RecordingDisplayWorld world = new RecordingDisplayWorld();
        AudioVizCore core = TestCores.core(data, TestCores.fixtureBundle(), TestCores.config(Map.of("engine.call_budget_ms", 5000)), world,
                new ManualClock(0));
        core.start();
        TestClient client = TestClient.connect(core.status().socketPort());
        try {
            ServerLoop.tickUntil(core, () -> !world.applied.isEmpty(), "the first frame");
            client.awaitMessages(1);
            long heapBefore = usedHeapAfterGc();
            for (int burst = 0; burst < 3; burst++) {
                long acceptedBefore = core.status().messagesAccepted();
                long droppedBefore = core.status().messagesDropped();
                client.received.clear();
                for (int i = 0; i < 10_000; i++) client.send("{\"type\":\"echo\",\"_seq\":" + i + "}");
                ServerLoop.await(() -> core.status().messagesAccepted() == acceptedBefore + 10_000, "all 10 000 received");
                CoreStatus status = core.status();
                assertTrue(status.queueLength() <= 1000, "the queue holds its capacity, no more: " + status.queueLength());
                long dropped = status.messagesDropped() - droppedBefore;
                // A tick asked for before the burst may still take a few of its first messages as they arrive:
                // every message is echoed or dropped and counted, and the dropped ones are the oldest.
                ServerLoop.tickUntil(core, () -> client.received.size() + dropped >= 10_000, "an echo for each kept");
                assertEquals(10_000, client.received.size() + dropped, "every message echoed, or dropped and counted");
                assertTrue(dropped >= 8_000, "the queue overflowed and dropped the oldest: " + dropped);
                int newest = client.received.size() - 1000;
                assertTrue(client.received.get(newest).contains("\"seq\":9000"), client.received.get(newest));
                assertTrue(client.received.get(newest + 999).contains("\"seq\":9999"), client.received.get(newest + 999));
            }
            long growth = usedHeapAfterGc() - heapBefore;
            assertTrue(growth < 16 * 1024 * 1024, "heap grew by " + growth + " bytes over three bursts");
        } finally {
            client.closeBlocking();
            core.stop();
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
