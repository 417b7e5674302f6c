package dev.audioviz.core.testing;

import dev.audioviz.core.world.DisplayWorld;
import dev.audioviz.core.world.EngineDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link DisplayWorld} that records what it was asked to do, and on which thread. */
public final class RecordingDisplayWorld implements DisplayWorld {
    public final List<EngineDiff> applied = new CopyOnWriteArrayList<>();
    public final List<String> messages = new CopyOnWriteArrayList<>();
    public final List<Thread> callers = new CopyOnWriteArrayList<>();
    public final Map<String, List<String>> playersByWorld = new ConcurrentHashMap<>();
    public volatile int removeAllCalls;
    /** Each entity's translation y as the applied diffs left it, by "slot/index" (emptied by removeAll). */
    private final Map<String, Float> translationY = new ConcurrentHashMap<>();

    @Override
    public void apply(EngineDiff diff) {
        callers.add(Thread.currentThread());
        applied.add(diff);
        int[] ints = diff.ints();
        for (int r = 0; r < diff.count(); r++) {
            int io = r * EngineDiff.INT_STRIDE;
            String key = ints[io + EngineDiff.I_ZONE] + "/" + ints[io + EngineDiff.I_ENTITY];
            int flags = ints[io + EngineDiff.I_FLAGS];
            if ((flags & EngineDiff.REMOVE) != 0) {
                translationY.remove(key);
            } else if ((flags & EngineDiff.TRANSFORM) != 0) {
                translationY.put(key, diff.floats()[r * EngineDiff.FLOAT_STRIDE + EngineDiff.F_TY]);
            }
        }
    }

    @Override
    public void removeAll() {
        callers.add(Thread.currentThread());
        removeAllCalls++;
        translationY.clear();
    }

    @Override
    public List<String> playersNear(String world, double x, double y, double z, double radius) {
        return playersByWorld.getOrDefault(world, List.of());
    }

    @Override
    public void sendMessage(String player, String message) {
        messages.add(player + ": " + message);
    }

    @Override
    public void broadcast(String message) {
        messages.add("*: " + message);
    }

    /** The last applied diff, or null. */
    public EngineDiff last() {
        return applied.isEmpty() ? null : applied.get(applied.size() - 1);
    }

    /** The translation y of every entity in the world (diffs send only changes: this is their sum). */
    public List<Float> shownYs() {
        return new ArrayList<>(translationY.values());
    }
}
