package dev.audioviz.core.engine;

import dev.audioviz.core.net.ProtocolLimits;
import dev.audioviz.core.world.EngineDiff;
import dev.audioviz.core.world.ZoneAnchor;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Turns the engine's frames (every zone's shown state, {@link FrameSnapshot}) into the display-entity changes
 * of an {@link EngineDiff}. The frame's values are final (the engine works out every entity's look), so the
 * differ only places entities in the world and compares numbers: it remembers per zone slot which zone's
 * entities are in the world and what each entity was last sent, and writes a record only for what moved beyond
 * a quantisation step: an unchanged entity costs a few comparisons and no bytes, a steady show gives an empty
 * diff.
 *
 * <ul>
 *   <li>A zone spawns at most {@link #SPAWN_PER_TICK} entities per tick (indices {@code live ..}), at scale 0:
 *       they grow to their size with the next transform.
 *   <li>A zone that shrinks loses its surplus entities in one tick, from the top index down.
 *   <li>A slot that is freed, or taken by another zone (another header ID) or a zone of another kind, loses
 *       all the old zone's entities in one diff, whose zone list still holds the old anchor for that slot;
 *       the new zone spawns from the next diff on (one slot has one anchor per diff).
 * </ul>
 *
 * <p>Its state changes only in {@link #diff}, which is plain Java and does not fail once the snapshot is read,
 * so every change it remembers went out in a diff. One differ per engine session (a new engine starts from an
 * empty world). Script thread only.
 */
final class FrameDiffer {
    /** Entities spawned per zone per tick while a zone grows (keeps the server thread's spawn cost flat). */
    static final int SPAWN_PER_TICK = 64;
    /** Smallest move that is sent, blocks (below what a player can see at 20 Hz). */
    static final double POSITION_STEP = 0.01;
    static final double SCALE_STEP = 0.01;
    /** Smallest yaw change that is sent, degrees. */
    static final double YAW_STEP = 0.5;

    private static final double DEG = Math.PI / 180;
    private static final int SPAWN_FLAGS =
            EngineDiff.SPAWN | EngineDiff.TRANSFORM | EngineDiff.BRIGHTNESS | EngineDiff.GLOW | EngineDiff.MATERIAL;
    private static final int[] NO_INTS = new int[0];
    private static final float[] NO_FLOATS = new float[0];
    private static final double[] NO_DOUBLES = new double[0];

    private Slot[] slots = new Slot[0];
    /** Records of the diff being written (grown by doubling; copied out exact-size). */
    private int[] ints = new int[256 * EngineDiff.INT_STRIDE];
    private float[] floats = new float[256 * EngineDiff.FLOAT_STRIDE];
    private int count;
    private ZoneAnchor[] zoneScratch = new ZoneAnchor[0];
    /** The last zone list handed out, reused while the anchors stay the same. */
    private List<ZoneAnchor> zones = List.of();

    /** What the world holds for one zone slot. */
    private static final class Slot {
        /** The zone whose entities are in the world (meaningful while {@code live > 0}). */
        double id;
        ZoneAnchor anchor;
        /** The kind the live entities were spawned with. */
        int kind;
        /** Entities spawned: indices 0 .. live-1. */
        int live;
        // What each entity was last sent.
        float[] sentX = NO_FLOATS;
        float[] sentY = NO_FLOATS;
        float[] sentZ = NO_FLOATS;
        float[] sentScale = NO_FLOATS;
        float[] sentYaw = NO_FLOATS;
        int[] sentBrightness = NO_INTS;
        int[] sentGlow = NO_INTS;
        int[] sentMaterial = NO_INTS;
        // The half-angle cos/sin of each entity's yaw, and that yaw (NaN: none yet): most entities keep their
        // yaw from tick to tick, and the trigonometry is what a steady entity would otherwise cost most.
        double[] trigYaw = NO_DOUBLES;
        double[] halfCos = NO_DOUBLES;
        double[] halfSin = NO_DOUBLES;

        /** Room for {@code n} entities (allocates only while a zone grows past what it ever had). */
        void ensure(int n) {
            if (sentX.length >= n) return;
            int size = Math.max(n, Math.min(2 * sentX.length, ProtocolLimits.MAX_ENTITIES_PER_ZONE));
            sentX = Arrays.copyOf(sentX, size);
            sentY = Arrays.copyOf(sentY, size);
            sentZ = Arrays.copyOf(sentZ, size);
            sentScale = Arrays.copyOf(sentScale, size);
            sentYaw = Arrays.copyOf(sentYaw, size);
            sentBrightness = Arrays.copyOf(sentBrightness, size);
            sentGlow = Arrays.copyOf(sentGlow, size);
            sentMaterial = Arrays.copyOf(sentMaterial, size);
            int had = trigYaw.length;
            trigYaw = Arrays.copyOf(trigYaw, size);
            Arrays.fill(trigYaw, had, size, Double.NaN);
            halfCos = Arrays.copyOf(halfCos, size);
            halfSin = Arrays.copyOf(halfSin, size);
        }
    }

    /** This tick's diff against what was sent before; the differ then counts it as sent. */
    EngineDiff diff(FrameSnapshot frame) {
        count = 0;
        int slotCount = frame.slots();
        if (slots.length < slotCount) slots = Arrays.copyOf(slots, slotCount);
        // The zone list covers the frame's slots and any slot beyond them whose old entities go now.
        int listed = slotCount;
        if (zoneScratch.length < slots.length) zoneScratch = new ZoneAnchor[slots.length];
        for (int s = 0; s < slots.length; s++) {
            ZoneFrame zone = frame.frame(s);
            Slot slot = slots[s];
            if (slot != null && slot.live > 0
                    && (zone == null || zone.id() != slot.id || zone.kind() != slot.kind)) {
                // Freed, or another zone (or kind): its entities go in this diff, under the anchor they follow.
                removeDownTo(s, slot, 0);
                zoneScratch[s] = slot.anchor;
                if (s >= listed) listed = s + 1;
                continue;
            }
            if (s >= slotCount) continue;
            zoneScratch[s] = frame.anchor(s);
            if (zone == null) continue;
            if (slot == null) slots[s] = slot = new Slot();
            slot.id = zone.id();
            slot.anchor = frame.anchor(s);
            slot.kind = zone.kind();
            diffZone(s, zone, slot);
        }
        return new EngineDiff(count, Arrays.copyOf(ints, count * EngineDiff.INT_STRIDE),
                Arrays.copyOf(floats, count * EngineDiff.FLOAT_STRIDE), zoneList(listed), frame.materials());
    }

    /** The zone list of this diff: the previous one when no anchor changed. */
    private List<ZoneAnchor> zoneList(int listed) {
        boolean same = listed == zones.size();
        for (int s = 0; same && s < listed; s++) same = Objects.equals(zoneScratch[s], zones.get(s));
        if (!same) zones = Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(zoneScratch, listed)));
        Arrays.fill(zoneScratch, null);
        return zones;
    }

    /** REMOVE records for the slot's entities {@code live-1} down to {@code end}. */
    private void removeDownTo(int s, Slot slot, int end) {
        reserve(count + slot.live - end);
        while (slot.live > end) {
            slot.live--;
            int io = count * EngineDiff.INT_STRIDE;
            int fo = count * EngineDiff.FLOAT_STRIDE;
            count++;
            Arrays.fill(ints, io, io + EngineDiff.INT_STRIDE, 0);
            Arrays.fill(floats, fo, fo + EngineDiff.FLOAT_STRIDE, 0);
            ints[io + EngineDiff.I_ZONE] = s;
            ints[io + EngineDiff.I_ENTITY] = slot.live;
            ints[io + EngineDiff.I_FLAGS] = EngineDiff.REMOVE;
            ints[io + EngineDiff.I_KIND] = slot.kind;
        }
    }

    /** The records of one zone whose entities (if any) are its own: removals, spawns, then changes. */
    private void diffZone(int s, ZoneFrame zone, Slot slot) {
        int n = zone.count();
        removeDownTo(s, slot, Math.min(slot.live, n)); // shrunk: the surplus goes, from the top
        int live = slot.live;
        int spawnEnd = Math.min(n, live + SPAWN_PER_TICK);
        slot.ensure(spawnEnd);
        reserve(count + spawnEnd);
        float[] sentX = slot.sentX;
        float[] sentY = slot.sentY;
        float[] sentZ = slot.sentZ;
        float[] sentScale = slot.sentScale;
        float[] sentYaw = slot.sentYaw;
        int[] sentBrightness = slot.sentBrightness;
        int[] sentGlow = slot.sentGlow;
        int[] sentMaterial = slot.sentMaterial;
        int[] ints = this.ints;
        float[] floats = this.floats;
        int count = this.count;

        double zoneYaw = zone.rotation();
        double cos = Math.cos(zoneYaw * DEG);
        double sin = Math.sin(zoneYaw * DEG);
        double sizeX = zone.sizeX();
        double sizeY = zone.sizeY();
        double sizeZ = zone.sizeZ();
        int kind = zone.kind();
        double[] trigYaw = slot.trigYaw;
        double[] halfCosOf = slot.halfCos;
        double[] halfSinOf = slot.halfSin;
        // The last yaw computed: entities turned as one piece share it.
        double lastYaw = Double.NaN;
        double lastHalfCos = 1;
        double lastHalfSin = 0;
        for (int i = 0; i < spawnEnd; i++) {
            boolean spawning = i >= live;
            // A spawn starts at 0 and grows with the next transform.
            double scale = spawning ? 0 : zone.scale(i);
            // A hidden entity already sent hidden costs nothing, however its pattern moves it: what changed
            // meanwhile goes out with the transform that shows it again.
            if (!spawning && scale == 0 && sentScale[i] == 0) continue;
            double yaw = zoneYaw + zone.yaw(i);
            // World transform: zone-local 0–1 → blocks, turned by the zone's yaw; the block's centre sits on the
            // point, so the corner's translation is offset by the entity's own turned half-size.
            double lx = zone.x(i) * sizeX;
            double lz = zone.z(i) * sizeZ;
            double h = scale / 2;
            if (yaw != trigYaw[i]) {
                trigYaw[i] = yaw;
                if (yaw != lastYaw) {
                    lastYaw = yaw;
                    lastHalfCos = Math.cos(yaw * DEG / 2);
                    lastHalfSin = Math.sin(yaw * DEG / 2);
                }
                halfCosOf[i] = lastHalfCos;
                halfSinOf[i] = lastHalfSin;
            }
            double halfCos = halfCosOf[i];
            double halfSin = halfSinOf[i];
            // The full angle's cos/sin from the half angle's (double-angle identities).
            double fullCos = halfCos * halfCos - halfSin * halfSin;
            double fullSin = 2 * halfSin * halfCos;
            double tx = lx * cos - lz * sin - h * (fullCos - fullSin);
            double ty = zone.y(i) * sizeY - h;
            double tz = lx * sin + lz * cos - h * (fullSin + fullCos);
            int brightness = zone.brightness(i);
            int glowColor = zone.glowColor(i);
            int material = zone.material(i);

            int flags;
            if (spawning) {
                flags = SPAWN_FLAGS;
            } else {
                flags = 0;
                double dx = tx - sentX[i];
                double dy = ty - sentY[i];
                double dz = tz - sentZ[i];
                double ds = scale - sentScale[i];
                double dw = yaw - sentYaw[i];
                if (dx > POSITION_STEP || dx < -POSITION_STEP
                        || dy > POSITION_STEP || dy < -POSITION_STEP
                        || dz > POSITION_STEP || dz < -POSITION_STEP
                        || ds > SCALE_STEP || ds < -SCALE_STEP
                        || dw > YAW_STEP || dw < -YAW_STEP) {
                    flags = EngineDiff.TRANSFORM | EngineDiff.RESTART_INTERPOLATION;
                }
                if (brightness != sentBrightness[i]) flags |= EngineDiff.BRIGHTNESS;
                if (glowColor != sentGlow[i]) flags |= EngineDiff.GLOW;
                if (material != sentMaterial[i]) flags |= EngineDiff.MATERIAL;
                if (flags == 0) continue;
            }
            int io = count * EngineDiff.INT_STRIDE;
            int fo = count * EngineDiff.FLOAT_STRIDE;
            count++;
            ints[io + EngineDiff.I_ZONE] = s;
            ints[io + EngineDiff.I_ENTITY] = i;
            ints[io + EngineDiff.I_FLAGS] = flags;
            ints[io + EngineDiff.I_MATERIAL] = material;
            ints[io + EngineDiff.I_BRIGHTNESS] = brightness;
            ints[io + EngineDiff.I_GLOW_COLOR] = glowColor;
            ints[io + EngineDiff.I_INTERPOLATION] = zone.interpolation(i);
            ints[io + EngineDiff.I_KIND] = kind;
            floats[fo + EngineDiff.F_TX] = (float) tx;
            floats[fo + EngineDiff.F_TY] = (float) ty;
            floats[fo + EngineDiff.F_TZ] = (float) tz;
            floats[fo + EngineDiff.F_SCALE] = (float) scale;
            // Left rotation about +Y by −yaw: Minecraft's yaw turns clockwise seen from above.
            floats[fo + EngineDiff.F_QX] = 0;
            floats[fo + EngineDiff.F_QY] = (float) -halfSin;
            floats[fo + EngineDiff.F_QZ] = 0;
            floats[fo + EngineDiff.F_QW] = (float) halfCos;
            if ((flags & EngineDiff.TRANSFORM) != 0) {
                sentX[i] = (float) tx;
                sentY[i] = (float) ty;
                sentZ[i] = (float) tz;
                sentScale[i] = (float) scale;
                sentYaw[i] = (float) yaw;
            }
            sentBrightness[i] = brightness;
            sentGlow[i] = glowColor;
            sentMaterial[i] = material;
        }
        this.count = count;
        slot.live = spawnEnd;
    }

    /** Room for {@code records} records in the scratch arrays. */
    private void reserve(int records) {
        if (records * EngineDiff.INT_STRIDE <= ints.length) return;
        int length = ints.length / EngineDiff.INT_STRIDE;
        while (length < records) length *= 2;
        ints = Arrays.copyOf(ints, length * EngineDiff.INT_STRIDE);
        floats = Arrays.copyOf(floats, length * EngineDiff.FLOAT_STRIDE);
    }
}
