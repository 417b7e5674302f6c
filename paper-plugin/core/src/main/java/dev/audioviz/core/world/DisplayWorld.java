package dev.audioviz.core.world;

import java.util.List;

/**
 * What the core needs from a platform's world: applying the engine's entity diffs and talking to players.
 * Implemented by the Paper plugin (Display API) and the standalone server (Minestom). Every method is
 * called on the server thread; implementations reuse objects in the hot path.
 */
public interface DisplayWorld {
    /** Applies one tick's changes: spawn / transform / brightness / glow / material / remove, in one batch. */
    void apply(EngineDiff diff);

    /** Removes every entity this world spawned for AudioViz (engine reload, shutdown, cleanup). */
    void removeAll();

    /** Names of the players within {@code radius} blocks of a point. */
    List<String> playersNear(String world, double x, double y, double z, double radius);

    /** Sends a chat line to one player (or the console when {@code player} is null). */
    void sendMessage(String player, String message);

    /** Sends a chat line to every online player. */
    void broadcast(String message);
}
