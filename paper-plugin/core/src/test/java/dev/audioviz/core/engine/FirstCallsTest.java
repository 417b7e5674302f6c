package dev.audioviz.core.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FirstCallsTest {
    @Test
    void onlyTheFirstCallOfAKindIsFirstUntilTheEngineReloads() {
        FirstCalls calls = new FirstCalls();
        assertTrue(calls.first("command zone create"));
        assertFalse(calls.first("command zone create"));
        assertTrue(calls.first("message batch_update"));
        calls.reset();
        assertTrue(calls.first("command zone create"));
    }

    @Test
    void aClientInventingTypesCannotGrowTheSet() {
        FirstCalls calls = new FirstCalls();
        for (int i = 0; i < FirstCalls.MAX_KINDS; i++) assertTrue(calls.first("message t" + i));
        assertFalse(calls.first("message one_more"), "past the cap nothing counts as first");
    }
}
