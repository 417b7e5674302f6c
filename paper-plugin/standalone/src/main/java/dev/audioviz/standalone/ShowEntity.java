package dev.audioviz.standalone;

import java.util.List;
import net.minestom.server.entity.Entity;
import net.minestom.server.entity.EntityType;
import net.minestom.server.network.packet.server.SendablePacket;

/**
 * A display entity of the show. While {@link MinestomDisplayWorld#apply} runs, its packets go into its zone's
 * outbox, which the display world hands to the zone's viewers (looked up once per zone and tick) when the apply
 * ends: every entity of a zone stands at the zone's anchor, so they all have the same viewers, asking Minestom
 * per entity costs a lock, a list and a lookup per viewer, ×1024, and one batch per viewer wakes its socket
 * writer once instead of once per packet. Outside {@code apply} it behaves as any entity, except that it never
 * simulates physics or resends its position.
 */
final class ShowEntity extends Entity {
    private List<SendablePacket> outbox;

    ShowEntity(EntityType type) {
        super(type);
        // It never moves by itself (only a zone move teleports it, which sends its own packet), so the periodic
        // position and velocity resync would cost every viewer bytes each second for nothing.
        setSynchronizationTicks(Integer.MAX_VALUE); // not Long.MAX_VALUE: Minestom adds it to the tick count
    }

    /** No gravity, no velocity: skip the physics step Minestom runs for every entity each tick. */
    @Override
    protected void movementTick() {}

    /** Where packets go until {@code null} is set again; set by the display world around its updates. */
    void useOutbox(List<SendablePacket> outbox) {
        this.outbox = outbox;
    }

    @Override
    public void sendPacketToViewersAndSelf(SendablePacket packet) {
        if (outbox == null) {
            super.sendPacketToViewersAndSelf(packet);
            return;
        }
        outbox.add(packet);
    }
}
