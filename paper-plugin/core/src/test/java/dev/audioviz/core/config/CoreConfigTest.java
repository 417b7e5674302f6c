package dev.audioviz.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreConfigTest {
    @Test
    void usesTheDefaultsForAnEmptyMap() {
        assertEquals(CoreConfig.DEFAULTS, CoreConfig.fromMap(Map.of()));
        assertFalse(CoreConfig.DEFAULTS.requiresAuth());
    }

    @Test
    void readsNestedSectionsAndDottedKeysAlike() {
        CoreConfig nested = CoreConfig.fromMap(Map.of(
                "socket", Map.of("bind", "0.0.0.0", "port", 9999, "token", "t"),
                "engine", Map.of("call_budget_ms", 35, "queue_capacity", "500")));
        CoreConfig dotted = CoreConfig.fromMap(Map.of("socket.bind", "0.0.0.0", "socket.port", 9999,
                "socket.token", "t", "engine.call_budget_ms", 35, "engine.queue_capacity", 500));
        assertEquals(nested, dotted);
        assertEquals(Duration.ofMillis(35), nested.engineCallBudget());
        assertEquals(500, nested.queueCapacity());
        assertTrue(nested.requiresAuth());
    }

    @Test
    void namesTheKeyOfAValueWithTheWrongType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CoreConfig.fromMap(Map.of("socket.port", "eighty")));
        assertTrue(e.getMessage().startsWith("socket.port must be a number"), e.getMessage());
    }

    @Test
    void rejectsAnEntityCapAboveTheProtocolMaximum() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CoreConfig.fromMap(Map.of("engine.max_entities_per_zone", 1025)));
        assertTrue(e.getMessage().contains("1024"));
    }
}
