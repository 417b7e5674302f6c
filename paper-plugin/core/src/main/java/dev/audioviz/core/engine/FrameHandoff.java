package dev.audioviz.core.engine;

import dev.audioviz.core.world.EngineDiff;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Passes finished diffs from the script thread to the server thread without locks or waiting. It holds at
 * most one frame: diffs are deltas, so none may be skipped; the script thread does not tick again until the
 * server thread has taken the previous frame.
 */
public final class FrameHandoff {
    /** One tick's output; {@code resetWorld} asks the server thread to remove every entity first (new engine). */
    public record Frame(EngineDiff diff, boolean resetWorld) {}

    private final AtomicReference<Frame> slot = new AtomicReference<>();

    /** True when the previous frame was taken, so a new tick may run. Script thread. */
    public boolean isFree() {
        return slot.get() == null;
    }

    /** Publishes a frame; returns false (and keeps the old one) if the previous frame was not taken yet. */
    public boolean publish(Frame frame) {
        return slot.compareAndSet(null, frame);
    }

    /** The newest finished frame, or null. Server thread. */
    public Frame take() {
        return slot.getAndSet(null);
    }
}
