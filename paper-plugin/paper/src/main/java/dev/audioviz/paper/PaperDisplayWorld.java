package dev.audioviz.paper;

import dev.audioviz.core.net.ProtocolLimits;
import dev.audioviz.core.world.DisplayWorld;
import dev.audioviz.core.world.EngineDiff;
import dev.audioviz.core.world.ZoneAnchor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import net.kyori.adventure.text.Component;
import org.bukkit.Color;
import org.bukkit.Location;
import org.bukkit.Server;
import org.bukkit.World;
import org.bukkit.block.data.BlockData;
import org.bukkit.entity.BlockDisplay;
import org.bukkit.entity.Display;
import org.bukkit.entity.Player;
import org.bukkit.util.Transformation;
import org.joml.Quaternionf;
import org.joml.Vector3f;

/**
 * The core's {@link DisplayWorld} on Paper's Display API. Each engine entity is a {@link BlockDisplay} that
 * stays at its zone's anchor and moves by its transformation, so clients interpolate smoothly. Entities are
 * spawned with their final state set inside the spawn consumer (no frame of default state is ever sent) and
 * are not persistent (a crash leaves nothing in the world). The hot path reuses its vectors, brightness and
 * block-data objects and finds entities by array index, not by map lookup.
 */
final class PaperDisplayWorld implements DisplayWorld {
    private static final Quaternionf IDENTITY = new Quaternionf();

    private final Server server;
    private final Logger logger;
    private final DisplaySettings settings;
    /** [zone slot][entity index] → entity; grown as slots appear. */
    private BlockDisplay[][] entities = new BlockDisplay[4][];
    private ZoneAnchor[] anchors = new ZoneAnchor[4];
    private Location[] anchorLocations = new Location[4];
    private World[] anchorWorlds = new World[4];
    private final List<BlockData> blockData = new ArrayList<>();
    private final Display.Brightness[] brightness = new Display.Brightness[16];
    private final Map<Integer, Color> glowColors = new HashMap<>();
    private final Vector3f translation = new Vector3f();
    private final Vector3f scale = new Vector3f();
    private final Quaternionf rotation = new Quaternionf();
    private boolean warnedKinds;

    PaperDisplayWorld(Server server, Logger logger, DisplaySettings settings) {
        this.server = server;
        this.logger = logger;
        this.settings = settings;
        for (int i = 0; i < brightness.length; i++) brightness[i] = new Display.Brightness(i, i);
    }

    @Override
    public void apply(EngineDiff diff) {
        updateAnchors(diff.zones());
        updateMaterials(diff.materials());
        int[] ints = diff.ints();
        float[] floats = diff.floats();
        for (int r = 0; r < diff.count(); r++) {
            int i = r * EngineDiff.INT_STRIDE;
            int f = r * EngineDiff.FLOAT_STRIDE;
            int zone = ints[i + EngineDiff.I_ZONE];
            int index = ints[i + EngineDiff.I_ENTITY];
            int flags = ints[i + EngineDiff.I_FLAGS];
            if (zone < 0 || zone >= anchors.length || index < 0 || index >= ProtocolLimits.MAX_ENTITIES_PER_ZONE) {
                continue; // the engine never sends these; a bad record must not take the tick down
            }
            BlockDisplay[] slot = slot(zone);
            BlockDisplay entity = slot[index];
            if ((flags & EngineDiff.REMOVE) != 0) {
                if (entity != null) entity.remove();
                slot[index] = null;
                continue;
            }
            if (entity == null || !entity.isValid()) {
                // SPAWN, or the chunk unloaded and took the entity with it: spawn with this record's state.
                slot[index] = spawn(zone, ints, floats, i, f, flags | EngineDiff.SPAWN);
                continue;
            }
            update(entity, ints, floats, i, f, flags);
        }
    }

    @Override
    public void removeAll() {
        for (BlockDisplay[] slot : entities) {
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

    private BlockDisplay spawn(int zone, int[] ints, float[] floats, int i, int f, int flags) {
        Location at = anchorLocations[zone];
        if (at == null) return null; // zone's world not loaded: nothing to show yet
        return anchorWorlds[zone].spawn(at, BlockDisplay.class, display -> {
            display.setPersistent(false);
            display.setTeleportDuration(0);
            display.setViewRange(settings.viewRange());
            display.setDisplayWidth(settings.cullBox() * 2);
            display.setDisplayHeight(settings.cullBox());
            update(display, ints, floats, i, f, flags | EngineDiff.MATERIAL | EngineDiff.TRANSFORM
                    | EngineDiff.BRIGHTNESS | EngineDiff.GLOW);
        });
    }

    private void update(BlockDisplay display, int[] ints, float[] floats, int i, int f, int flags) {
        if ((flags & EngineDiff.MATERIAL) != 0) {
            int material = ints[i + EngineDiff.I_MATERIAL];
            if (material >= 0 && material < blockData.size()) display.setBlock(blockData.get(material));
            if (ints[i + EngineDiff.I_KIND] != EngineDiff.KIND_BLOCK) warnKindOnce();
        }
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

    private BlockDisplay[] slot(int zone) {
        BlockDisplay[] slot = entities[zone];
        if (slot == null) {
            slot = new BlockDisplay[ProtocolLimits.MAX_ENTITIES_PER_ZONE];
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

    private void updateMaterials(List<String> materials) {
        // The list is append-only (scripts/src/host.ts): only new entries need parsing.
        for (int m = blockData.size(); m < materials.size(); m++) {
            String id = materials.get(m);
            BlockData data;
            try {
                data = server.createBlockData(id);
            } catch (IllegalArgumentException e) {
                logger.warning("AudioViz material " + id + " is not a block on this server; showing stone instead");
                data = server.createBlockData("minecraft:stone");
            }
            blockData.add(data);
        }
    }

    private void warnKindOnce() {
        if (warnedKinds) return;
        warnedKinds = true;
        logger.warning("AudioViz shows item and text entities as block displays on Paper for now");
    }
}
