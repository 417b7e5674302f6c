package dev.audioviz.standalone;

import dev.audioviz.core.net.ProtocolLimits;
import dev.audioviz.core.world.DisplayWorld;
import dev.audioviz.core.world.EngineDiff;
import dev.audioviz.core.world.FaultLog;
import dev.audioviz.core.world.ZoneAnchor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import net.kyori.adventure.text.Component;
import net.minestom.server.coordinate.Pos;
import net.minestom.server.entity.EntityType;
import net.minestom.server.entity.Player;
import net.minestom.server.entity.metadata.display.AbstractDisplayMeta;
import net.minestom.server.entity.metadata.display.BlockDisplayMeta;
import net.minestom.server.entity.metadata.display.ItemDisplayMeta;
import net.minestom.server.entity.metadata.display.TextDisplayMeta;
import net.minestom.server.instance.Instance;
import net.minestom.server.network.packet.server.SendablePacket;
import net.minestom.server.network.packet.server.play.EntityMetaDataPacket;

/**
 * {@link DisplayWorld} on Minestom: one display entity per engine record, anchored at its zone's origin and
 * moved only through its transformation, so the client interpolates every move. All zones live in the one
 * world of the standalone server; a zone naming another world is shown there too (logged once).
 *
 * <p>Hot path ({@link #apply}): entities sit in per-zone-slot arrays indexed by entity index (no map, no
 * boxing); each entity's metadata changes are batched into one packet, sent to its zone's viewers looked up
 * once per zone ({@link ShowEntity}); block states are resolved once per
 * material index. What Minestom itself keeps (a {@link Vec} per translation, a quaternion array) is
 * allocated only for fields that changed. Call every method on the server (tick) thread.
 */
public final class MinestomDisplayWorld implements DisplayWorld {
    /** How far display entities are drawn, as a multiple of the client's entity distance (vanilla default 1). */
    private static final float VIEW_RANGE = 4f;

    private final Instance instance;
    private final PlayerDirectory players;
    private final Logger logger;
    /** Failures of one entity or one zone, and unknown materials, each logged once. */
    private final FaultLog faults;
    /** Zone slot → entity index → entity; grown on demand up to the engine's per-zone cap. */
    private ShowEntity[][] entities = new ShowEntity[0][];
    /** Zone slot → its viewers during the current {@link #apply} (see {@link ShowEntity}). */
    private final List<List<Player>> zoneViewers = new ArrayList<>();
    /** Zone slot → the packets of its entities' updates in the current {@link #apply}, sent when it ends. */
    private final List<List<SendablePacket>> zoneOutboxes = new ArrayList<>();
    /** Zone slot → the {@link #applyCount} its viewers were looked up in. */
    private long[] viewersLookedUp = new long[0];
    private long applyCount;
    /** Zone slot → anchor the slot's entities were spawned at. */
    private ZoneAnchor[] anchors = new ZoneAnchor[0];
    /** The metadata changes of the record being applied (reused). */
    private final MetadataChanges changes = new MetadataChanges();
    /** Material index → block state / item stack, resolved once (the engine's material list is append-only). */
    private final MaterialCache materialCache;
    private boolean warnedForeignWorld;
    private int liveCount;

    /**
     * @param instance the world the entities are spawned in
     * @param players where chat lines and "players near" questions go
     * @param logger where unknown materials, entities that fail to show and foreign worlds are reported (once
     *     each)
     */
    public MinestomDisplayWorld(Instance instance, PlayerDirectory players, Logger logger) {
        this.instance = instance;
        this.players = players;
        this.logger = logger;
        this.faults = new FaultLog(logger);
        this.materialCache = new MaterialCache(faults);
    }

    @Override
    public void apply(EngineDiff diff) {
        followAnchors(diff.zones());
        applyCount++;
        try {
            applyRecords(diff);
        } finally {
            sendOutboxes();
        }
    }

    /**
     * Applies each record; update packets collect in the zone outboxes (sent by {@link #sendOutboxes}). A record
     * that fails is logged once per zone and skipped: the other entities of this tick still update.
     */
    private void applyRecords(EngineDiff diff) {
        for (int r = 0; r < diff.count(); r++) {
            try {
                applyRecord(diff, r);
            } catch (RuntimeException e) {
                changes.clear(); // what the failed record had gathered must not go out with the next one
                int slot = diff.ints()[r * EngineDiff.INT_STRIDE + EngineDiff.I_ZONE];
                String zone = slot >= 0 && slot < diff.zones().size() ? diff.zones().get(slot).name() : "#" + slot;
                faults.once("apply " + zone + ' ' + e.getClass().getName(), "AudioViz could not show an entity of"
                        + " zone " + zone + " (" + e + "); it is skipped, the rest of the show goes on", e);
            }
        }
    }

    private void applyRecord(EngineDiff diff, int r) {
        int[] ints = diff.ints();
        float[] floats = diff.floats();
        List<ZoneAnchor> zones = diff.zones();
        int io = r * EngineDiff.INT_STRIDE;
        int fo = r * EngineDiff.FLOAT_STRIDE;
        int slot = ints[io + EngineDiff.I_ZONE];
        int index = ints[io + EngineDiff.I_ENTITY];
        int flags = ints[io + EngineDiff.I_FLAGS];
        // The engine never sends these; a record outside the zone table or the per-zone cap is dropped
        // rather than allowed to grow the arrays without bound.
        if (slot < 0 || slot >= zones.size() || index < 0 || index >= ProtocolLimits.MAX_ENTITIES_PER_ZONE) {
            return;
        }
        if ((flags & EngineDiff.REMOVE) != 0) {
            remove(slot, index);
            return;
        }
        ShowEntity entity = entityAt(slot, index);
        boolean spawning = (flags & EngineDiff.SPAWN) != 0;
        if (spawning && entity != null) {
            remove(slot, index); // a respawn with another kind or material starts from a fresh entity
            entity = null;
        }
        if (entity == null) {
            if (!spawning) return; // an update for an entity that was never spawned (e.g. after removeAll)
            entity = new ShowEntity(entityType(ints[io + EngineDiff.I_KIND]));
            entity.setNoGravity(true);
            entity.setHasPhysics(false);
            ((AbstractDisplayMeta) entity.getEntityMeta()).setViewRange(VIEW_RANGE);
            flags |= EngineDiff.MATERIAL | EngineDiff.BRIGHTNESS;
        }
        update(entity, slot, spawning, flags, ints, io, floats, fo, diff.materials());
        if (spawning) {
            ZoneAnchor anchor = zones.get(slot);
            checkWorld(anchor);
            entity.setInstance(instance, new Pos(anchor.x(), anchor.y(), anchor.z()));
            store(slot, index, entity);
            liveCount++;
        }
    }

    /**
     * Applies one record's changes. The transform and brightness become one metadata packet built here (see
     * {@link ShowEntity}); glow and material go through the entity's meta, batched into one more packet (rare:
     * they change on spawns and scene changes). A spawning entity is not in the world yet: it sends nothing now,
     * and its viewers get its whole state when it appears.
     */
    private void update(ShowEntity entity, int slot, boolean spawning, int flags, int[] ints, int io, float[] floats,
            int fo, List<String> materials) {
        if ((flags & EngineDiff.TRANSFORM) != 0 && finite(floats, fo)) {
            entity.transform(changes, floats[fo + EngineDiff.F_TX], floats[fo + EngineDiff.F_TY],
                    floats[fo + EngineDiff.F_TZ], floats[fo + EngineDiff.F_SCALE], floats[fo + EngineDiff.F_QX],
                    floats[fo + EngineDiff.F_QY], floats[fo + EngineDiff.F_QZ], floats[fo + EngineDiff.F_QW],
                    Math.max(0, ints[io + EngineDiff.I_INTERPOLATION]));
        }
        if ((flags & EngineDiff.RESTART_INTERPOLATION) != 0 && !spawning) entity.restartInterpolation(changes);
        if ((flags & EngineDiff.BRIGHTNESS) != 0) {
            int b = ints[io + EngineDiff.I_BRIGHTNESS];
            // Minecraft packs block light in bits 4–7 and sky light in bits 20–23.
            entity.brightness(changes, b < 0 ? ShowEntity.WORLD_LIGHT : Math.min(15, b) << 4 | Math.min(15, b) << 20);
        }
        if (spawning) {
            changes.clear();
        } else {
            EntityMetaDataPacket packet = changes.takePacket(entity.getEntityId());
            if (packet != null) outboxOf(slot, entity).add(packet);
        }
        if ((flags & (EngineDiff.GLOW | EngineDiff.MATERIAL)) == 0) return;
        AbstractDisplayMeta meta = (AbstractDisplayMeta) entity.getEntityMeta();
        if (!spawning) entity.useOutbox(outboxOf(slot, entity));
        meta.setNotifyAboutChanges(false);
        try {
            if ((flags & EngineDiff.GLOW) != 0) {
                int color = ints[io + EngineDiff.I_GLOW_COLOR];
                meta.setHasGlowingEffect(color != -1);
                if (color != -1) meta.setGlowColorOverride(color & 0xFFFFFF);
            }
            if ((flags & EngineDiff.MATERIAL) != 0) setMaterial(meta, ints[io + EngineDiff.I_MATERIAL], materials);
        } finally {
            meta.setNotifyAboutChanges(true); // sends these changes as one metadata packet
            entity.useOutbox(null);
        }
    }

    /** A transform with NaN or infinity would hide or break the entity client-side: such a transform is skipped. */
    private static boolean finite(float[] floats, int fo) {
        for (int i = 0; i < EngineDiff.FLOAT_STRIDE; i++) {
            if (!Float.isFinite(floats[fo + i])) return false;
        }
        return true;
    }

    private void setMaterial(AbstractDisplayMeta meta, int index, List<String> materials) {
        switch (meta) {
            case BlockDisplayMeta block -> block.setBlockState(materialCache.block(index, materials));
            case ItemDisplayMeta item -> item.setItemStack(materialCache.item(index, materials));
            case TextDisplayMeta text -> text.setText(Component.text(materialCache.name(index, materials)));
            default -> { }
        }
    }

    /** A zone that moved (same slot, new origin) takes its entities along. */
    private void followAnchors(List<ZoneAnchor> zones) {
        if (anchors.length < zones.size()) anchors = Arrays.copyOf(anchors, zones.size());
        for (int slot = 0; slot < zones.size(); slot++) {
            ZoneAnchor now = zones.get(slot);
            ZoneAnchor before = anchors[slot];
            if (before != null && !samePlace(before, now) && slot < entities.length) {
                Pos pos = new Pos(now.x(), now.y(), now.z());
                for (ShowEntity e : entities[slot]) {
                    if (e == null) continue;
                    try {
                        e.teleport(pos);
                    } catch (RuntimeException ex) {
                        faults.once("move " + now.name(), "AudioViz could not move an entity of zone " + now.name()
                                + " (" + ex + "); the rest of the show goes on", ex);
                    }
                }
            }
            anchors[slot] = now;
        }
    }

    private static boolean samePlace(ZoneAnchor a, ZoneAnchor b) {
        return a.x() == b.x() && a.y() == b.y() && a.z() == b.z() && a.world().equals(b.world());
    }

    private void checkWorld(ZoneAnchor anchor) {
        if (!warnedForeignWorld && !StandaloneWorld.WORLD_NAME.equals(anchor.world())) {
            warnedForeignWorld = true;
            logger.warning("Zone " + anchor.name() + " names world \"" + anchor.world() + "\"; the standalone server"
                    + " has only \"" + StandaloneWorld.WORLD_NAME + "\" and shows it there.");
        }
    }

    /** A zone's outbox for this apply; its viewers are looked up from the first live entity once per apply. */
    private List<SendablePacket> outboxOf(int slot, ShowEntity entity) {
        if (viewersLookedUp.length <= slot) viewersLookedUp = Arrays.copyOf(viewersLookedUp, slot + 1);
        while (zoneViewers.size() <= slot) {
            zoneViewers.add(new ArrayList<>());
            zoneOutboxes.add(new ArrayList<>());
        }
        if (viewersLookedUp[slot] != applyCount) {
            viewersLookedUp[slot] = applyCount;
            List<Player> viewers = zoneViewers.get(slot);
            viewers.clear();
            viewers.addAll(entity.getViewers());
        }
        return zoneOutboxes.get(slot);
    }

    /** Hands every zone's packets of this apply to its viewers, one batch per viewer. */
    private void sendOutboxes() {
        for (int slot = 0; slot < zoneOutboxes.size(); slot++) {
            List<SendablePacket> outbox = zoneOutboxes.get(slot);
            if (outbox.isEmpty()) continue;
            List<Player> viewers = zoneViewers.get(slot);
            try {
                for (int i = 0; i < viewers.size(); i++) viewers.get(i).sendPackets(outbox);
            } catch (RuntimeException e) {
                faults.once("send " + slot, "AudioViz could not send zone slot " + slot + "'s updates (" + e
                        + "); the other zones still update", e);
            } finally {
                outbox.clear();
            }
        }
    }

    private ShowEntity entityAt(int slot, int index) {
        if (slot >= entities.length) return null;
        ShowEntity[] zone = entities[slot];
        return index < zone.length ? zone[index] : null;
    }

    private void store(int slot, int index, ShowEntity entity) {
        if (slot >= entities.length) {
            int old = entities.length;
            entities = Arrays.copyOf(entities, slot + 1);
            for (int i = old; i < entities.length; i++) entities[i] = new ShowEntity[0];
        }
        ShowEntity[] zone = entities[slot];
        if (index >= zone.length) {
            zone = Arrays.copyOf(zone, Math.max(index + 1, zone.length * 2));
            entities[slot] = zone;
        }
        zone[index] = entity;
    }

    private void remove(int slot, int index) {
        ShowEntity entity = entityAt(slot, index);
        if (entity == null) return;
        entity.remove();
        entities[slot][index] = null;
        liveCount--;
    }

    private static EntityType entityType(int kind) {
        return switch (kind) {
            case EngineDiff.KIND_ITEM -> EntityType.ITEM_DISPLAY;
            case EngineDiff.KIND_TEXT -> EntityType.TEXT_DISPLAY;
            default -> EntityType.BLOCK_DISPLAY;
        };
    }

    @Override
    public void removeAll() {
        for (ShowEntity[] zone : entities) {
            for (ShowEntity e : zone) {
                if (e != null) e.remove();
            }
        }
        entities = new ShowEntity[0][];
        anchors = new ZoneAnchor[0];
        liveCount = 0;
    }

    /** The Minecraft entity id shown for a record's (zone slot, entity index), or -1 when none is alive. */
    public int entityId(int slot, int index) {
        ShowEntity entity = slot >= 0 && index >= 0 ? entityAt(slot, index) : null;
        return entity == null ? -1 : entity.getEntityId();
    }

    /** Display entities this world has spawned and not removed (for status and tests). */
    public int liveCount() {
        return liveCount;
    }

    @Override
    public List<String> playersNear(String world, double x, double y, double z, double radius) {
        List<String> names = new ArrayList<>();
        double r2 = radius * radius;
        for (Player p : instance.getPlayers()) {
            if (p.getPosition().distanceSquared(x, y, z) <= r2) names.add(p.getUsername());
        }
        return names;
    }

    @Override
    public void sendMessage(String player, String message) {
        players.sendMessage(player, message);
    }

    @Override
    public void broadcast(String message) {
        players.broadcast(message);
    }
}
