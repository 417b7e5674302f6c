package dev.audioviz.core;

import dev.audioviz.core.world.DisplayWorld;
import dev.audioviz.core.world.ZoneAnchor;
import java.util.List;

/** Delivers the engine's {@code announce(zone, message)} to the players near a zone, on the server thread. */
final class ZoneAnnouncer {
    private final DisplayWorld world;
    private final double radius;
    private volatile List<ZoneAnchor> zones = List.of();

    /** @param radius blocks around a zone's anchor within which players see its lines */
    ZoneAnnouncer(DisplayWorld world, double radius) {
        this.world = world;
        this.radius = radius;
    }

    /** The anchors of the latest applied diff. */
    void zones(List<ZoneAnchor> latest) {
        zones = latest;
    }

    /** A line to everyone near {@code zone}, or to everyone when it is null; unknown zones reach no one. */
    void announce(String zone, String message) {
        if (message == null) return;
        if (zone == null) {
            world.broadcast(message);
            return;
        }
        for (ZoneAnchor anchor : zones) {
            if (anchor == null || !anchor.name().equals(zone)) continue;
            for (String player : world.playersNear(anchor.world(), anchor.x(), anchor.y(), anchor.z(), radius)) {
                world.sendMessage(player, message);
            }
        }
    }
}
