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

    @Override
    public void apply(EngineDiff diff) {
        callers.add(Thread.currentThread());
        applied.add(diff);
    }

    @Override
    public void removeAll() {
        callers.add(Thread.currentThread());
        removeAllCalls++;
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

    /** The y translation of every record in the last diff. */
    public List<Float> lastYs() {
        EngineDiff d = last();
        List<Float> ys = new ArrayList<>();
        if (d == null) return ys;
        for (int i = 0; i < d.count(); i++) ys.add(d.floats()[i * EngineDiff.FLOAT_STRIDE + EngineDiff.F_TY]);
        return ys;
    }
}
