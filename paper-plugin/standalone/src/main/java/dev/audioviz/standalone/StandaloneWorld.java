package dev.audioviz.standalone;

import net.kyori.adventure.text.Component;
import net.minestom.server.MinecraftServer;
import net.minestom.server.coordinate.Pos;
import net.minestom.server.coordinate.Vec;
import net.minestom.server.entity.GameMode;
import net.minestom.server.event.GlobalEventHandler;
import net.minestom.server.event.player.AsyncPlayerConfigurationEvent;
import net.minestom.server.event.player.PlayerSpawnEvent;
import net.minestom.server.instance.Clock;
import net.minestom.server.instance.InstanceContainer;
import net.minestom.server.instance.LightingChunk;
import net.minestom.server.instance.block.Block;
import net.minestom.server.instance.generator.GenerationUnit;

/**
 * The standalone server's one world: flat grass, always noon, lit, with a stage platform at the origin for
 * the default zone and a spawn point in front of it. Players join in creative mode so they can fly around
 * the show.
 */
public final class StandaloneWorld {
    /** The world name zones use ({@code ZoneAnchor#world}); also what players' locations report. */
    public static final String WORLD_NAME = "world";
    /** Feet height of a player standing on the grass; the one-block stage stands on it. */
    public static final int GROUND_Y = 64;
    /** Half the stage's width in blocks: the stage covers x, z in [-STAGE_HALF, STAGE_HALF). */
    public static final int STAGE_HALF = 8;
    /** The default zone's origin corner: standing on the stage. */
    public static final Vec STAGE_ORIGIN = new Vec(-5, GROUND_Y + 1, -5);
    /** Where players appear: in front of the stage, facing it (yaw 180 looks towards -z). */
    public static final Pos SPAWN = new Pos(0.5, GROUND_Y, 18.5, 180, 0);

    private static final long NOON_TICKS = 6000;

    private final InstanceContainer instance;

    private StandaloneWorld(InstanceContainer instance) {
        this.instance = instance;
    }

    /** Creates the world and routes joining players into it. Call after {@code MinecraftServer.init}. */
    public static StandaloneWorld create() {
        InstanceContainer instance = MinecraftServer.getInstanceManager().createInstanceContainer();
        instance.setChunkSupplier(LightingChunk::new);
        instance.setGenerator(StandaloneWorld::generate);
        Clock clock = instance.defaultClock();
        if (clock != null) {
            clock.time(NOON_TICKS);
            clock.pause();
        }
        StandaloneWorld world = new StandaloneWorld(instance);
        GlobalEventHandler events = MinecraftServer.getGlobalEventHandler();
        events.addListener(AsyncPlayerConfigurationEvent.class, event -> {
            event.setSpawningInstance(instance);
            event.getPlayer().setRespawnPoint(SPAWN);
        });
        events.addListener(PlayerSpawnEvent.class, event -> {
            if (!event.isFirstSpawn()) return;
            event.getPlayer().setGameMode(GameMode.CREATIVE);
            event.getPlayer().sendMessage(Component.text(
                    "AudioViz: the show plays on the stage in front of you. /audioviz help lists the commands."));
        });
        return world;
    }

    /** The Minestom instance the show is displayed in. */
    public InstanceContainer instance() {
        return instance;
    }

    private static void generate(GenerationUnit unit) {
        unit.modifier().fillHeight(unit.absoluteStart().blockY(), GROUND_Y - 1, Block.STONE);
        unit.modifier().fillHeight(GROUND_Y - 1, GROUND_Y, Block.GRASS_BLOCK);
        int minX = Math.max(unit.absoluteStart().blockX(), -STAGE_HALF);
        int maxX = Math.min(unit.absoluteEnd().blockX(), STAGE_HALF);
        int minZ = Math.max(unit.absoluteStart().blockZ(), -STAGE_HALF);
        int maxZ = Math.min(unit.absoluteEnd().blockZ(), STAGE_HALF);
        if (minX >= maxX || minZ >= maxZ) return;
        for (int x = minX; x < maxX; x++) {
            for (int z = minZ; z < maxZ; z++) {
                boolean edge = x == -STAGE_HALF || z == -STAGE_HALF || x == STAGE_HALF - 1 || z == STAGE_HALF - 1;
                unit.modifier().setBlock(x, GROUND_Y, z, edge ? Block.SEA_LANTERN : Block.POLISHED_BLACKSTONE);
            }
        }
    }
}
