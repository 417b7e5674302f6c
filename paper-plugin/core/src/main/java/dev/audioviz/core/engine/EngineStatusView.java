package dev.audioviz.core.engine;

import java.util.List;

/** The engine's own {@code status()} (scripts/src/engine-api.ts {@code EngineStatus}). */
public record EngineStatusView(
        int zones, int entities, int queueLength, long droppedMessages, long ticks, List<String> disabledPatterns) {
    public static final EngineStatusView NONE = new EngineStatusView(0, 0, 0, 0, 0, List.of());
}
