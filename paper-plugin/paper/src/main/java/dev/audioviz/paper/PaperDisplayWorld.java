package dev.audioviz.paper;

import dev.audioviz.core.net.ProtocolLimits;
import dev.audioviz.core.world.DisplayWorld;
import dev.audioviz.core.world.EngineDiff;
import dev.audioviz.core.world.FaultLog;
import dev.audioviz.core.world.ZoneAnchor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;
import net.kyori.adventure.text.Component;
import org.bukkit.Color;
import org.bukkit.Location;
import org.bukkit.Server;
import org.bukkit.World;
import org.bukkit.block.data.BlockData;
import org.bukkit.entity.BlockDisplay;
import org.bukkit.entity.Display;
import org.bukkit.entity.ItemDisplay;
import org.bukkit.entity.Player;
import org.bukkit.entity.TextDisplay;
import org.bukkit.inventory.ItemStack;
import org.bukkit.util.Transformation;
import org.joml.Quaternionf;
import org.joml.Vector3f;

/**
 * The core's {@link DisplayWorld} on Paper's Display API. Each engine entity is a {@link BlockDisplay},
 * {@link ItemDisplay} (an item stack of the material) or {@link TextDisplay} (the material's id as text), as the
 * record's kind says, that stays at its zone's anchor and moves by its transformation, so clients interpolate
 * smoothly. Entities are spawned with their final state set inside the spawn consumer (no frame of default state
 * is ever sent) and are not persistent (a crash leaves nothing in the world). A record of another kind than the
 * live entity, or a spawn record for a live entity, replaces it with a fresh one. The hot path reuses its
 * vectors, brightness objects and per-material block data, item stacks and texts, and finds entities by array
 * index, not by map lookup.
 */
final class PaperDisplayWorld implements DisplayWorld {
    private static final Quaternionf IDENTITY = new Quaternionf();

    private final Server server;
    private final DisplaySettings settings;
    /** [zone slot][entity index] → entity; grown as slots appear. */
    private Display[][] entities = new Display[4][];
    private ZoneAnchor[] anchors = new ZoneAnchor[4];
    private Location[] anchorLocations = new Location[4];
    private World[] anchorWorlds = new World[4];
    private final PaperMaterials materials;
    /** Entities that failed to apply and unknown materials, each logged once. */
    private final FaultLog faults;
    private final Display.Brightness[] brightness = new Display.Brightness[16];
    private final Map<Integer, Color> glowColors = new HashMap<>();
    private final Vector3f translation = new Vector3f();
    private final Vector3f scale = new Vector3f();
    private final Quaternionf rotation = new Quaternionf();
    /** Sets up a display being spawned from the {@code pending*} record below (one consumer, no capture). */
    private final Consumer<Display> initSpawned = this::initSpawned;
    private int[] pendingInts;
    private float[] pendingFloats;
    private int pendingI;
    private int pendingF;
    private int pendingFlags;

    PaperDisplayWorld(Server server, Logger logger, DisplaySettings settings) {
        this(server, logger, settings, PaperMaterials::itemStack);
    }

    /** @param itemStacks the item stack of a material id, or null when the server has no such item */
    PaperDisplayWorld(Server server, Logger logger, DisplaySettings settings, Function<String, ItemStack> itemStacks) {
        this.server = server;
        this.settings = settings;
        this.faults = new FaultLog(logger);
        this.materials = new PaperMaterials(server, itemStacks, faults);
        for (int i = 0; i < brightness.length; i++) brightness[i] = new Display.Brightness(i, i);
    }

    @Override
    public void apply(EngineDiff diff) {
        updateAnchors(diff.zones());
        materials.use(diff.materials());
        for (int r = 0; r < diff.count(); r++) {
            try {
                applyRecord(diff.ints(), diff.floats(), r);
            } catch (RuntimeException e) {
                // One entity that Paper refuses must not take the tick, and the rest of the show, down with it.
                int zone = diff.ints()[r * EngineDiff.INT_STRIDE + EngineDiff.I_ZONE];
                String name = zone >= 0 && zone < diff.zones().size() ? diff.zones().get(zone).name() : "#" + zone;
                faults.once("apply " + name + ' ' + e.getClass().getName(), "AudioViz could not show an entity of"
                        + " zone " + name + " (" + e + "); it is skipped, the rest of the show goes on", e);
            }
        }
    }

    private void applyRecord(int[] ints, float[] floats, int r) {
        int i = r * EngineDiff.INT_STRIDE;
        int f = r * EngineDiff.FLOAT_STRIDE;
        int zone = ints[i + EngineDiff.I_ZONE];
        int index = ints[i + EngineDiff.I_ENTITY];
        int flags = ints[i + EngineDiff.I_FLAGS];
        if (zone < 0 || zone >= anchors.length || index < 0 || index >= ProtocolLimits.MAX_ENTITIES_PER_ZONE) {
            return; // the engine never sends these; a bad record must not take the tick down
        }
        Display[] slot = slot(zone);
        Display entity = slot[index];
        if ((flags & EngineDiff.REMOVE) != 0) {
            slot[index] = null;
            if (entity != null) entity.remove();
            return;
        }
        int kind = kind(ints[i + EngineDiff.I_KIND]);
        if (entity != null && ((flags & EngineDiff.SPAWN) != 0 || kindOf(entity) != kind)) {
            // A respawn, or the zone's kind changed: a display cannot change its class, so start afresh.
            slot[index] = null;
            entity.remove();
            entity = null;
        }
        if (entity == null || !entity.isValid()) {
            // SPAWN, a new kind, or the chunk unloaded and took the entity with it: spawn with this record's
            // state.
            slot[index] = spawn(zone, kind, ints, floats, i, f, flags | EngineDiff.SPAWN);
            return;
        }
        update(entity, ints, floats, i, f, flags);
    }

    @Override
    public void removeAll() {
        for (Display[] slot : entities) {
            if (slot == null) continue;
            for (int i = 0; i < slot.length; i++) {
                if (slot[i] != null) slot[i].remove();
                slot[i] = null;
            }
        }
    }

    @Override
    public List<String> playersNear(String worldName, double x, double y, double z, double radius) {
        World world = server.getWorld(worldName);
        if (world == null) return List.of();
        List<String> names = new ArrayList<>();
        double r2 = radius * radius;
        for (Player player : world.getPlayers()) {
            Location l = player.getLocation();
            double dx = l.getX() - x;
            double dy = l.getY() - y;
            double dz = l.getZ() - z;
            if (dx * dx + dy * dy + dz * dz <= r2) names.add(player.getName());
        }
        return names;
    }

    @Override
    public void sendMessage(String player, String message) {
        if (player == null) {
            server.getConsoleSender().sendMessage(Component.text(message));
            return;
        }
        Player target = server.getPlayerExact(player);
        if (target != null) target.sendMessage(Component.text(message));
    }

    @Override
    public void broadcast(String message) {
        server.broadcast(Component.text(message));
    }

    private Display spawn(int zone, int kind, int[] ints, float[] floats, int i, int f, int flags) {
        Location at = anchorLocations[zone];
        if (at == null) return null; // zone's world not loaded: nothing to show yet
        World world = anchorWorlds[zone];
        pendingInts = ints;
        pendingFloats = floats;
        pendingI = i;
        pendingF = f;
        pendingFlags = flags;
        try {
            return switch (kind) {
                case EngineDiff.KIND_ITEM -> world.spawn(at, ItemDisplay.class, initSpawned);
                case EngineDiff.KIND_TEXT -> world.spawn(at, TextDisplay.class, initSpawned);
                default -> world.spawn(at, BlockDisplay.class, initSpawned);
            };
        } finally {
            pendingInts = null;
            pendingFloats = null;
        }
    }

    private void initSpawned(Display display) {
        display.setPersistent(false);
        display.setTeleportDuration(0);
        display.setViewRange(settings.viewRange());
        display.setDisplayWidth(settings.cullBox() * 2);
        display.setDisplayHeight(settings.cullBox());
        update(display, pendingInts, pendingFloats, pendingI, pendingF, pendingFlags | EngineDiff.MATERIAL
                | EngineDiff.TRANSFORM | EngineDiff.BRIGHTNESS | EngineDiff.GLOW);
    }

    /** The record's kind; an unknown kind is shown as blocks. */
    private static int kind(int kind) {
        return kind == EngineDiff.KIND_ITEM || kind == EngineDiff.KIND_TEXT ? kind : EngineDiff.KIND_BLOCK;
    }

    private static int kindOf(Display display) {
        if (display instanceof ItemDisplay) return EngineDiff.KIND_ITEM;
        if (display instanceof TextDisplay) return EngineDiff.KIND_TEXT;
        return EngineDiff.KIND_BLOCK;
    }

    private void update(Display display, int[] ints, float[] floats, int i, int f, int flags) {
        if ((flags & EngineDiff.MATERIAL) != 0) setMaterial(display, ints[i + EngineDiff.I_MATERIAL]);
        if ((flags & EngineDiff.TRANSFORM) != 0) {
            float s = floats[f + EngineDiff.F_SCALE];
            translation.set(floats[f + EngineDiff.F_TX], floats[f + EngineDiff.F_TY], floats[f + EngineDiff.F_TZ]);
            scale.set(s, s, s);
            rotation.set(floats[f + EngineDiff.F_QX], floats[f + EngineDiff.F_QY], floats[f + EngineDiff.F_QZ],
                    floats[f + EngineDiff.F_QW]);
            // Transformation copies its arguments, so the scratch vectors can be reused.
            display.setTransformation(new Transformation(translation, rotation, scale, IDENTITY));
        }
        if ((flags & (EngineDiff.TRANSFORM | EngineDiff.RESTART_INTERPOLATION)) != 0) {
            // After setTransformation: delay 0 starts the interpolation on the next client frame.
            display.setInterpolationDuration(Math.max(0, ints[i + EngineDiff.I_INTERPOLATION]));
            display.setInterpolationDelay(0);
        }
        if ((flags & EngineDiff.BRIGHTNESS) != 0) {
            display.setBrightness(brightness[Math.clamp(ints[i + EngineDiff.I_BRIGHTNESS], 0, 15)]);
        }
        if ((flags & EngineDiff.GLOW) != 0) {
            int rgb = ints[i + EngineDiff.I_GLOW_COLOR];
            display.setGlowing(rgb >= 0);
            if (rgb >= 0) display.setGlowColorOverride(glowColors.computeIfAbsent(rgb & 0xFFFFFF, Color::fromRGB));
        }
    }

    /** An index outside the engine's material list (the engine never sends one) leaves the material as it is. */
    private void setMaterial(Display display, int material) {
        if (display instanceof BlockDisplay block) {
            BlockData data = materials.block(material);
            if (data != null) block.setBlock(data);
        } else if (display instanceof ItemDisplay item) {
            ItemStack stack = materials.item(material);
            if (stack != null) item.setItemStack(stack);
        } else if (display instanceof TextDisplay text) {
            Component name = materials.text(material);
            if (name != null) text.text(name);
        }
    }

    private Display[] slot(int zone) {
        Display[] slot = entities[zone];
        if (slot == null) {
            slot = new Display[ProtocolLimits.MAX_ENTITIES_PER_ZONE];
            entities[zone] = slot;
        }
        return slot;
    }

    private void updateAnchors(List<ZoneAnchor> zones) {
        if (zones.size() > anchors.length) {
            int n = Math.max(zones.size(), anchors.length * 2);
            anchors = java.util.Arrays.copyOf(anchors, n);
            anchorLocations = java.util.Arrays.copyOf(anchorLocations, n);
            anchorWorlds = java.util.Arrays.copyOf(anchorWorlds, n);
            entities = java.util.Arrays.copyOf(entities, n);
        }
        for (int z = 0; z < zones.size(); z++) {
            ZoneAnchor anchor = zones.get(z);
            if (anchor == null ? anchors[z] == null : anchor.equals(anchors[z])) continue;
            anchors[z] = anchor;
            World world = anchor == null ? null : server.getWorld(anchor.world());
            anchorWorlds[z] = world;
            anchorLocations[z] = world == null ? null : new Location(world, anchor.x(), anchor.y(), anchor.z());
        }
    }
}
