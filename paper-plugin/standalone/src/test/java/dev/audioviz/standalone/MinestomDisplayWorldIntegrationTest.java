package dev.audioviz.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.audioviz.core.world.EngineDiff;
import dev.audioviz.core.world.ZoneAnchor;
import dev.audioviz.standalone.testing.DiffBuilder;
import dev.audioviz.standalone.testing.ProtocolClient;
import dev.audioviz.standalone.testing.TickThread;
import java.util.List;
import java.util.logging.Logger;
import net.minestom.server.Auth;
import net.minestom.server.MinecraftServer;
import net.minestom.server.ServerFlag;
import net.minestom.server.instance.block.Block;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link MinestomDisplayWorld} on a real Minestom server, watched by a real Minecraft protocol client: hand-made
 * diffs spawn, move, light, colour and remove display entities, and the client sees each change.
 */
class MinestomDisplayWorldIntegrationTest {
    private static final ZoneAnchor STAGE = new ZoneAnchor("stage", StandaloneWorld.WORLD_NAME, -5, 65, -5);
    private static final ZoneAnchor SIDE = new ZoneAnchor("side", StandaloneWorld.WORLD_NAME, 6, 65, -2);
    private static final List<String> MATERIALS = List.of("minecraft:sea_lantern", "minecraft:red_concrete",
            "minecraft:not_a_block");

    private static MinestomDisplayWorld world;
    private static ProtocolClient client;

    @BeforeAll
    static void startServer() throws Exception {
        MinecraftServer server = MinecraftServer.init(new Auth.Offline());
        StandaloneWorld standalone = StandaloneWorld.create();
        Logger logger = Logger.getLogger("audioviz-standalone-test");
        world = new MinestomDisplayWorld(standalone.instance(), new PlayerDirectory(logger), logger);
        server.start("127.0.0.1", 0);
        client = ProtocolClient.join(MinecraftServer.getServer().getPort(), "Watcher");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (client != null) client.close();
        MinecraftServer.stopCleanly();
    }

    private static void apply(EngineDiff diff) {
        TickThread.run(() -> world.apply(diff));
    }

    private static int entityId(int slot, int index) {
        return TickThread.call(() -> world.entityId(slot, index));
    }

    private static JsonObject awaitSpawn(int id) {
        return client.await(e -> ProtocolClient.is(e, "spawn") && e.get("id").getAsInt() == id, "spawn of " + id);
    }

    /** Waits for a metadata packet of entity {@code id} carrying {@code field} and returns its value. */
    private static JsonElement awaitField(int id, String field, java.util.function.Predicate<JsonElement> matches) {
        JsonObject event = client.await(e -> ProtocolClient.is(e, "metadata") && e.get("id").getAsInt() == id
                && e.getAsJsonObject("fields").has(field) && matches.test(e.getAsJsonObject("fields").get(field)),
                field + " of entity " + id);
        return event.getAsJsonObject("fields").get(field);
    }

    private static boolean vector(JsonElement v, double x, double y, double z) {
        JsonObject o = v.getAsJsonObject();
        return Math.abs(o.get("x").getAsDouble() - x) < 1e-4 && Math.abs(o.get("y").getAsDouble() - y) < 1e-4
                && Math.abs(o.get("z").getAsDouble() - z) < 1e-4;
    }

    private static boolean quaternion(JsonElement v, double x, double y, double z, double w) {
        JsonObject o = v.getAsJsonObject();
        return vector(v, x, y, z) && Math.abs(o.get("w").getAsDouble() - w) < 1e-4;
    }

    @Test
    void spawnsBlockDisplaysAtTheZoneAnchorWithTheirTransform() {
        apply(new DiffBuilder(List.of(STAGE), MATERIALS)
                .spawnBlock(0, 0, 0, 1, 2, 3, 0.5f)
                .spawnBlock(0, 1, 0, 4, 0, 1, 1)
                .build());
        int first = entityId(0, 0);
        int second = entityId(0, 1);
        assertNotEquals(-1, first);
        assertNotEquals(first, second);

        for (int id : new int[] {first, second}) {
            JsonObject spawn = awaitSpawn(id);
            assertEquals("block_display", spawn.get("type").getAsString());
            assertEquals(STAGE.x(), spawn.get("x").getAsDouble(), 1e-6);
            assertEquals(STAGE.y(), spawn.get("y").getAsDouble(), 1e-6);
            assertEquals(STAGE.z(), spawn.get("z").getAsDouble(), 1e-6);
        }
        awaitField(first, "translation", v -> vector(v, 1, 2, 3));
        awaitField(first, "scale", v -> vector(v, 0.5, 0.5, 0.5));
        awaitField(second, "translation", v -> vector(v, 4, 0, 1));
        int seaLantern = Block.SEA_LANTERN.stateId();
        awaitField(first, "displayed", v -> v.getAsInt() == seaLantern);
        // The client names the block from its own registry, as the end-to-end checks read it.
        awaitField(first, "block", v -> v.getAsString().equals("sea_lantern"));
        // Brightness 15 for block and sky light, packed as Minecraft does: block << 4 | sky << 20.
        awaitField(first, "brightness", v -> v.getAsInt() == (15 << 4 | 15 << 20));
        // The culling box covers where the entity was moved.
        awaitField(second, "width", v -> v.getAsDouble() >= 2 * (4 + 1));
    }

    @Test
    void movesAnEntityThroughItsTransformationAndRestartsInterpolation() {
        apply(new DiffBuilder(List.of(STAGE, SIDE), MATERIALS).spawnBlock(1, 0, 0, 0, 0, 0, 1).build());
        int id = entityId(1, 0);
        JsonObject spawn = awaitSpawn(id);
        assertEquals(SIDE.x(), spawn.get("x").getAsDouble(), 1e-6);

        apply(new DiffBuilder(List.of(STAGE, SIDE), MATERIALS).move(1, 0, 2.5f, 3, -1, 1.5f, 3).build());
        awaitField(id, "translation", v -> vector(v, 2.5, 3, -1));
        awaitField(id, "scale", v -> vector(v, 1.5, 1.5, 1.5));
        awaitField(id, "interpolation_duration", v -> v.getAsInt() == 3);
        awaitField(id, "interpolation_delay", v -> v.getAsInt() == 0);
        // The entity itself never moved: only its transformation did (the client interpolates it).
        assertTrue(client.events(e -> ProtocolClient.is(e, "spawn") && e.get("id").getAsInt() == id).size() == 1);
    }

    @Test
    void aViewerWhoJoinsLaterSeesEachEntityAsItIsNow() throws Exception {
        List<ZoneAnchor> zones = List.of(STAGE, SIDE, SIDE, SIDE, SIDE, SIDE, STAGE);
        apply(new DiffBuilder(zones, MATERIALS).spawnBlock(6, 0, 0, 1, 1, 1, 1).build());
        int id = entityId(6, 0);
        awaitSpawn(id);
        float half = (float) Math.sqrt(0.5);
        int flags = EngineDiff.TRANSFORM | EngineDiff.BRIGHTNESS | EngineDiff.RESTART_INTERPOLATION;
        apply(new DiffBuilder(zones, MATERIALS)
                .record(6, 0, flags, EngineDiff.KIND_BLOCK, 0, 9, -1, 4, 2, 3, 0.5f, 0.75f)
                .turned(0, half, 0, half)
                .build());
        // The watcher gets only what changed, in one packet.
        JsonObject change = client.await(e -> ProtocolClient.is(e, "metadata") && e.get("id").getAsInt() == id
                && e.getAsJsonObject("fields").has("left_rotation")
                && quaternion(e.getAsJsonObject("fields").get("left_rotation"), 0, half, 0, half),
                "the turn of entity " + id)
                .getAsJsonObject("fields");
        assertTrue(vector(change.get("translation"), 2, 3, 0.5) && vector(change.get("scale"), 0.75, 0.75, 0.75),
                change.toString());
        assertEquals(9 << 4 | 9 << 20, change.get("brightness").getAsInt());
        assertEquals(4, change.get("interpolation_duration").getAsInt());
        assertEquals(0, change.get("interpolation_delay").getAsInt());
        assertTrue(!change.has("displayed"), "the unchanged material is not resent: " + change);

        // A newcomer gets the whole state with the spawn, though the meta never held the moved fields.
        try (ProtocolClient late = ProtocolClient.join(MinecraftServer.getServer().getPort(), "Latecomer")) {
            late.await(e -> ProtocolClient.is(e, "spawn") && e.get("id").getAsInt() == id, "spawn of " + id);
            JsonObject all = late.await(e -> ProtocolClient.is(e, "metadata") && e.get("id").getAsInt() == id,
                    "metadata of " + id).getAsJsonObject("fields");
            assertTrue(vector(all.get("translation"), 2, 3, 0.5), all.toString());
            assertTrue(vector(all.get("scale"), 0.75, 0.75, 0.75), all.toString());
            assertTrue(quaternion(all.get("left_rotation"), 0, half, 0, half), all.toString());
            assertEquals(9 << 4 | 9 << 20, all.get("brightness").getAsInt());
            assertEquals(4, all.get("interpolation_duration").getAsInt());
            assertEquals(Block.SEA_LANTERN.stateId(), all.get("displayed").getAsInt());
            assertTrue(all.get("width").getAsDouble() >= 2 * (2 + 0.75), "the culling box: " + all);
        }
    }

    @Test
    void sendsNothingForAnEntityThatDoesNotChange() {
        List<ZoneAnchor> zones = List.of(STAGE, SIDE, SIDE, SIDE, SIDE, STAGE);
        apply(new DiffBuilder(zones, MATERIALS)
                .spawnBlock(5, 0, 0, 0, 0, 0, 1)
                .spawnBlock(5, 1, 0, 1, 0, 0, 1)
                .build());
        int still = entityId(5, 0);
        int moving = entityId(5, 1);
        awaitSpawn(still);
        // Two of Minestom's position-resync periods pass (one move of the other entity per tick as the clock).
        int ticks = 2 * ServerFlag.ENTITY_SYNCHRONIZATION_TICKS;
        for (int t = 1; t <= ticks; t++) {
            apply(new DiffBuilder(zones, MATERIALS).move(5, 1, 1, t * 0.01f, 0, 1, 1).build());
        }
        float last = ticks * 0.01f;
        awaitField(moving, "translation", v -> Math.abs(v.getAsJsonObject().get("y").getAsDouble() - last) < 1e-4);
        // Minestom syncs position and velocity once on the first tick after a spawn; without the fix it would
        // repeat that every 20 ticks (3 times here).
        List<JsonObject> positions =
                client.events(e -> ProtocolClient.is(e, "position") && e.get("id").getAsInt() == still);
        assertTrue(positions.size() <= 2, "no periodic position packets for a still entity: " + positions);
        assertTrue(client.events(e -> ProtocolClient.is(e, "metadata") && e.get("id").getAsInt() == still).size() <= 1,
                "no metadata for a still entity after its spawn");
    }

    @Test
    void setsGlowColourBrightnessAndMaterial() {
        List<ZoneAnchor> zones = List.of(STAGE, SIDE, new ZoneAnchor("glow", StandaloneWorld.WORLD_NAME, 0, 66, 0));
        apply(new DiffBuilder(zones, MATERIALS).spawnBlock(2, 0, 0, 0, 0, 0, 1).build());
        int id = entityId(2, 0);
        awaitSpawn(id);

        int flags = EngineDiff.GLOW | EngineDiff.BRIGHTNESS | EngineDiff.MATERIAL;
        apply(new DiffBuilder(zones, MATERIALS)
                .record(2, 0, flags, EngineDiff.KIND_BLOCK, 1, 7, 0xFF3366, 0, 0, 0, 0, 1)
                .build());
        awaitField(id, "glow_color", v -> v.getAsInt() == 0xFF3366);
        awaitField(id, "flags", v -> (v.getAsInt() & 0x40) != 0); // the glowing bit of the entity flags
        awaitField(id, "brightness", v -> v.getAsInt() == (7 << 4 | 7 << 20));
        int red = Block.RED_CONCRETE.stateId();
        awaitField(id, "displayed", v -> v.getAsInt() == red);

        // Glow off, and an unknown material falls back to the documented block instead of failing.
        apply(new DiffBuilder(zones, MATERIALS)
                .record(2, 0, EngineDiff.GLOW | EngineDiff.MATERIAL, EngineDiff.KIND_BLOCK, 2, 0, -1, 0, 0, 0, 0, 1)
                .build());
        awaitField(id, "flags", v -> (v.getAsInt() & 0x40) == 0);
        int fallback = MaterialCache.FALLBACK_BLOCK.stateId();
        awaitField(id, "displayed", v -> v.getAsInt() == fallback);
    }

    @Test
    void removesOneEntityThenAllOfThem() {
        List<ZoneAnchor> zones = List.of(STAGE, SIDE, SIDE, STAGE);
        apply(new DiffBuilder(zones, MATERIALS)
                .spawnBlock(3, 0, 0, 0, 0, 0, 1)
                .spawnBlock(3, 1, 0, 1, 0, 0, 1)
                .build());
        int first = entityId(3, 0);
        int second = entityId(3, 1);
        awaitSpawn(first);
        awaitSpawn(second);

        apply(new DiffBuilder(zones, MATERIALS)
                .record(3, 0, EngineDiff.REMOVE, 0, 0, 0, -1, 0, 0, 0, 0, 0)
                .build());
        client.await(e -> destroyed(e, first), "destroy of " + first);
        assertEquals(-1, entityId(3, 0));
        assertTrue(client.events(e -> destroyed(e, second)).isEmpty(), "only the removed entity goes");

        TickThread.run(world::removeAll);
        client.await(e -> destroyed(e, second), "destroy of " + second + " by removeAll");
        assertEquals(0, (int) TickThread.call(world::liveCount));
        // Updates for entities that no longer exist are ignored, not applied to a stale entity.
        apply(new DiffBuilder(zones, MATERIALS).move(3, 1, 1, 1, 1, 1, 1).build());
        assertEquals(-1, entityId(3, 1));
    }

    @Test
    void ignoresRecordsOutsideTheZoneTableOrTheEntityCap() {
        apply(new DiffBuilder(List.of(STAGE), MATERIALS)
                .spawnBlock(9, 0, 0, 0, 0, 0, 1)
                .spawnBlock(-1, 0, 0, 0, 0, 0, 1)
                .spawnBlock(0, 1_000_000_000, 0, 0, 0, 0, 1)
                .spawnBlock(0, -3, 0, 0, 0, 0, 1)
                .build());
        assertEquals(-1, entityId(9, 0));
        assertEquals(-1, entityId(0, 1_000_000_000));
        assertEquals(-1, entityId(0, -3));
    }

    @Test
    void skipsATransformThatIsNotFinite() {
        apply(new DiffBuilder(List.of(STAGE, SIDE, SIDE, SIDE, SIDE), MATERIALS)
                .spawnBlock(4, 0, 0, 1, 1, 1, 1).build());
        int id = entityId(4, 0);
        awaitField(id, "translation", v -> vector(v, 1, 1, 1));
        apply(new DiffBuilder(List.of(STAGE, SIDE, SIDE, SIDE, SIDE), MATERIALS)
                .move(4, 0, Float.NaN, 2, 2, 1, 2)
                .move(4, 0, 3, 3, 3, Float.POSITIVE_INFINITY, 2)
                .move(4, 0, 5, 5, 5, 1, 2)
                .build());
        // Only the finite move arrives; the entity never got a NaN or infinite transform.
        awaitField(id, "translation", v -> vector(v, 5, 5, 5));
        assertTrue(client.events(e -> ProtocolClient.is(e, "metadata") && e.get("id").getAsInt() == id
                && e.getAsJsonObject("fields").has("translation")
                && !vector(e.getAsJsonObject("fields").get("translation"), 1, 1, 1)
                && !vector(e.getAsJsonObject("fields").get("translation"), 5, 5, 5)).isEmpty());
    }

    private static boolean destroyed(JsonObject event, int id) {
        if (!ProtocolClient.is(event, "destroy")) return false;
        JsonArray ids = event.getAsJsonArray("ids");
        for (JsonElement e : ids) {
            if (e.getAsInt() == id) return true;
        }
        return false;
    }
}
