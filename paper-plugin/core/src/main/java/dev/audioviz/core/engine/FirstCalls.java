package dev.audioviz.core.engine;

import java.util.HashSet;
import java.util.Set;

/**
 * Which kinds of engine call (a command's verb, a :8765 message type) have run since the engine loaded. The
 * first call of a kind gets the warm-up budget: the bundle's rehearsal warms every path, but on a slow machine
 * GraalJS's interpreter can still spend more than the normal budget on a path's first real call, and an
 * operator's first {@code /audioviz zone create} must not be cut short for it. The budget exists to stop
 * runaway pattern code, which the engine's own budgets also bound, not to time the engine's first steps.
 */
final class FirstCalls {
    /** Kinds remembered at most: message types come from clients, so the set must not grow without end. */
    static final int MAX_KINDS = 128;

    private final Set<String> seen = new HashSet<>();

    /** Whether {@code kind} runs for the first time; true at most {@link #MAX_KINDS} times per load. */
    boolean first(String kind) {
        if (seen.size() >= MAX_KINDS) return false;
        return seen.add(kind);
    }

    /** A new engine starts cold again. */
    void reset() {
        seen.clear();
    }
}
