package dev.audioviz.standalone;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.minestom.server.coordinate.Vec;
import net.minestom.server.entity.Entity;
import net.minestom.server.entity.EntityType;
import net.minestom.server.entity.Metadata;
import net.minestom.server.entity.MetadataDef;
import net.minestom.server.network.packet.server.SendablePacket;
import net.minestom.server.network.packet.server.play.EntityMetaDataPacket;

/**
 * A display entity of the show.
 *
 * <p>What the engine changes every tick (translation, scale, rotation, interpolation, brightness), and the
 * culling box that follows them, is kept here in plain fields, not in the entity's {@code MetadataHolder}: an
 * update compares against these fields and adds only what changed to one {@link MetadataChanges} packet. Going through the holder costs a lookup, an
 * {@code equals}, an entry and a synchronized map write per field, and touches half a dozen objects per
 * entity, ×1024 per tick, each a cache miss on a server that did other work since the last tick. A viewer
 * that starts watching gets the holder's entries with these fields laid over them ({@link #getMetadataPacket}).
 * Everything else (kind, material, glow, view range) stays in the entity's meta.
 *
 * <p>While {@link MinestomDisplayWorld#apply} runs, its packets go into its zone's outbox, which the display
 * world hands to the zone's viewers (looked up once per zone and tick) when the apply ends: every entity of a
 * zone stands at the zone's anchor, so they all have the same viewers, asking Minestom per entity costs a lock,
 * a list and a lookup per viewer, ×1024, and one batch per viewer wakes its socket writer once instead of once
 * per packet. Outside {@code apply} it behaves as any entity, except that it never simulates physics or resends
 * its position.
 */
final class ShowEntity extends Entity {
    private static final int INTERPOLATION_DELAY = MetadataDef.Display.INTERPOLATION_DELAY.index();
    private static final int INTERPOLATION_DURATION = MetadataDef.Display.TRANSFORMATION_INTERPOLATION_DURATION.index();
    private static final int TRANSLATION = MetadataDef.Display.TRANSLATION.index();
    private static final int SCALE = MetadataDef.Display.SCALE.index();
    private static final int ROTATION = MetadataDef.Display.ROTATION_LEFT.index();
    private static final int BRIGHTNESS = MetadataDef.Display.BRIGHTNESS_OVERRIDE.index();
    private static final int WIDTH = MetadataDef.Display.WIDTH.index();
    private static final int HEIGHT = MetadataDef.Display.HEIGHT.index();
    /** Interpolation delay 0: the client restarts interpolating from where the entity is now. */
    private static final Metadata.Entry<Integer> START_NOW = Metadata.VarInt(0);
    /** Packed brightness meaning "use the world's light" (Minecraft's default). */
    static final int WORLD_LIGHT = -1;

    private List<SendablePacket> outbox;
    // As last sent. Scale starts at 0: a spawned entity is invisible until the engine gives it a size.
    private float tx, ty, tz, scale;
    private float qx, qy, qz, qw = 1;
    private int interpolationTicks;
    private int brightness = WORLD_LIGHT;
    /** The culling box (see {@link #growCullingBox}). */
    private float width, height;

    ShowEntity(EntityType type) {
        super(type);
        // It never moves by itself (only a zone move teleports it, which sends its own packet), so the periodic
        // position and velocity resync would cost every viewer bytes each second for nothing.
        setSynchronizationTicks(Integer.MAX_VALUE); // not Long.MAX_VALUE: Minestom adds it to the tick count
    }

    /** No gravity, no velocity: skip the physics step Minestom runs for every entity each tick. */
    @Override
    protected void movementTick() {}

    /** Sets the transformation; what changed is added to {@code out}. */
    void transform(MetadataChanges out, float tx, float ty, float tz, float scale,
            float qx, float qy, float qz, float qw, int interpolationTicks) {
        if (tx != this.tx || ty != this.ty || tz != this.tz) {
            this.tx = tx;
            this.ty = ty;
            this.tz = tz;
            out.add(TRANSLATION, Metadata.Vector3(new Vec(tx, ty, tz)));
        }
        if (scale != this.scale) {
            this.scale = scale;
            out.add(SCALE, Metadata.Vector3(new Vec(scale, scale, scale)));
        }
        if (qx != this.qx || qy != this.qy || qz != this.qz || qw != this.qw) {
            this.qx = qx;
            this.qy = qy;
            this.qz = qz;
            this.qw = qw;
            out.add(ROTATION, Metadata.Quaternion(new float[] {qx, qy, qz, qw}));
        }
        if (interpolationTicks != this.interpolationTicks) {
            this.interpolationTicks = interpolationTicks;
            out.add(INTERPOLATION_DURATION, Metadata.VarInt(interpolationTicks));
        }
        growCullingBox(out);
    }

    /**
     * Clients cull a display entity by its width/height box around the entity position; the box grows to
     * cover where the engine moved it (translation up to the zone's size) and never shrinks, so a tick's
     * moves add nothing once the box fits.
     */
    private void growCullingBox(MetadataChanges out) {
        float needWidth = 2 * (Math.max(Math.abs(tx), Math.abs(tz)) + scale);
        float needHeight = Math.abs(ty) + scale;
        if (needWidth > width) {
            width = (float) Math.ceil(needWidth);
            out.add(WIDTH, Metadata.Float(width));
        }
        if (needHeight > height) {
            height = (float) Math.ceil(needHeight);
            out.add(HEIGHT, Metadata.Float(height));
        }
    }

    /** The client restarts its interpolation now (sent even when nothing else changed). */
    void restartInterpolation(MetadataChanges out) {
        out.add(INTERPOLATION_DELAY, START_NOW);
    }

    /** Sets the brightness override, packed as Minecraft does, or {@link #WORLD_LIGHT}. */
    void brightness(MetadataChanges out, int packed) {
        if (packed == brightness) return;
        brightness = packed;
        out.add(BRIGHTNESS, Metadata.VarInt(packed));
    }

    /** The whole metadata, for a viewer that starts watching: the meta's entries with this entity's fields. */
    @Override
    public EntityMetaDataPacket getMetadataPacket() {
        Map<Integer, Metadata.Entry<?>> entries = new HashMap<>(metadata.getEntries());
        entries.put(TRANSLATION, Metadata.Vector3(new Vec(tx, ty, tz)));
        entries.put(SCALE, Metadata.Vector3(new Vec(scale, scale, scale)));
        entries.put(ROTATION, Metadata.Quaternion(new float[] {qx, qy, qz, qw}));
        entries.put(INTERPOLATION_DURATION, Metadata.VarInt(interpolationTicks));
        entries.put(BRIGHTNESS, Metadata.VarInt(brightness));
        entries.put(WIDTH, Metadata.Float(width));
        entries.put(HEIGHT, Metadata.Float(height));
        return new EntityMetaDataPacket(getEntityId(), entries);
    }

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
