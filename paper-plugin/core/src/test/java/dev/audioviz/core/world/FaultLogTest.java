package dev.audioviz.core.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.audioviz.core.testing.LogCapture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class FaultLogTest {
    @Test
    void aRepeatedProblemIsLoggedOnce() {
        Logger logger = Logger.getLogger("fault-log-once");
        LogCapture log = LogCapture.on(logger, Level.WARNING);
        FaultLog faults = new FaultLog(logger);
        assertTrue(faults.once("material SEA", "unknown SEA", null));
        for (int i = 0; i < 100; i++) assertFalse(faults.once("material SEA", "unknown SEA", new RuntimeException()));
        assertTrue(faults.once("material STONE", "unknown STONE", null));
        assertEquals(java.util.List.of("unknown SEA", "unknown STONE"), log.messages);
    }

    @Test
    void aFloodOfDistinctProblemsStaysBounded() {
        Logger logger = Logger.getLogger("fault-log-flood");
        LogCapture log = LogCapture.on(logger, Level.WARNING);
        FaultLog faults = new FaultLog(logger);
        for (int i = 0; i < 10_000; i++) faults.once("name " + i + "x".repeat(1000), "unknown " + i, null);
        // Every distinct problem up to the cap, then one line that says the rest is not logged.
        assertEquals(FaultLog.MAX_KEYS + 1, log.messages.size());
        assertTrue(log.messages.get(FaultLog.MAX_KEYS).contains("not logged one by one"));
    }
}
