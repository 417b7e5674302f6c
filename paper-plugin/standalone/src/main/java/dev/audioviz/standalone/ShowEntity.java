package dev.audioviz.standalone;

import java.util.List;
import net.minestom.server.entity.Entity;
import net.minestom.server.entity.EntityType;
import net.minestom.server.entity.Player;
import net.minestom.server.network.packet.server.SendablePacket;

/**
 * A display entity of the show. While {@link MinestomDisplayWorld#apply} runs, its packets go to the viewers of
 * its zone, looked up once per zone and tick: every entity of a zone stands at the zone's anchor, so they all
 * have the same viewers, and asking Minestom per entity costs a lock, a list and a lookup per viewer, ×1024.
 * Outside {@code apply} it behaves as any entity, except that it never simulates physics or resends its position.
 */
final class ShowEntity extends Entity {
    private List<Player> zoneViewers;

    ShowEntity(EntityType type) {
        super(type);
        // It never moves by itself (only a zone move teleports it, which sends its own packet), so the periodic
        // position and velocity resync would cost every viewer bytes each second for nothing.
        setSynchronizationTicks(Integer.MAX_VALUE); // not Long.MAX_VALUE: Minestom adds it to the tick count
    }

    /** No gravity, no velocity: skip the physics step Minestom runs for every entity each tick. */
    @Override
    protected void movementTick() {}

    /** The viewers to use until {@code null} is set again; set by the display world around its updates. */
    void useZoneViewers(List<Player> viewers) {
        this.zoneViewers = viewers;
    }

    @Override
    public void sendPacketToViewersAndSelf(SendablePacket packet) {
        List<Player> viewers = zoneViewers;
        if (viewers == null) {
            super.sendPacketToViewersAndSelf(packet);
            return;
        }
        for (int i = 0; i < viewers.size(); i++) viewers.get(i).sendPacket(packet);
    }
}
