package dev.audioviz.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.audioviz.standalone.testing.ProtocolClient;
import dev.audioviz.standalone.testing.SocketClient;
import dev.audioviz.standalone.testing.StandaloneHarness;
import dev.audioviz.standalone.testing.Waits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone server with the real engine bundle (scripts/bundle/engine.js from `npm run build`): a fresh
 * data folder gets the default zone through the engine's commands, its pool spawns on the stage, and
 * {@code audio_state} frames on :8765 move the entities a real Minecraft client sees.
 */
class StandaloneShowIntegrationTest {
    /** Frames per second the test plays, as a hub does (docs/protocol.md: ~20 Hz to the plugin). */
    private static final long FRAME_INTERVAL_MS = 50;
    /** Silent frames in a row without a change that count as "the show has settled". */
    private static final int QUIET_FRAMES = 20;

    @TempDir
    static Path data;

    private static StandaloneServer server;
    private static ProtocolClient client;
    private static SocketClient socket;
    private static ScheduledExecutorService player;

    @BeforeAll
    static void start() throws Exception {
        String bundle = StandaloneHarness.realBundleOrNull();
        Assumptions.assumeTrue(bundle != null,
                "the engine bundle scripts/bundle/engine.js is not built: run `npm run build -- --no-java` first");
        server = StandaloneHarness.start(data, bundle);
        client = ProtocolClient.join(server.port(), "Watcher");
        socket = SocketClient.connect(server.core().status().socketPort());
        player = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stop() throws Exception {
        if (player != null) player.shutdownNow();
        if (socket != null) socket.closeBlocking();
        if (client != null) client.close();
        if (server != null) server.close();
    }

    @Test
    void aFreshServerShowsTheDefaultZoneOnTheStage() {
        Waits.until(() -> stageDisplays().size() >= 16, "the default zone's entities on the stage", client::state);
        Waits.until(() -> Files.exists(data.resolve("zones.json")), "the zones document to be written");
        // Every display entity of the zone stands at the zone's origin; the engine moves them by transformation.
        assertEquals(Set.of(StandaloneWorld.STAGE_ORIGIN.x() + "," + StandaloneWorld.STAGE_ORIGIN.y() + ","
                + StandaloneWorld.STAGE_ORIGIN.z()), client.events(e -> ProtocolClient.is(e, "spawn")
                        && e.get("type").getAsString().endsWith("_display")).stream()
                .map(e -> e.get("x").getAsDouble() + "," + e.get("y").getAsDouble() + "," + e.get("z").getAsDouble())
                .collect(Collectors.toSet()));
    }

    @Test
    void loudFramesMoveTheEntitiesTheClientSees() {
        Waits.until(() -> stageDisplays().size() >= 16, "the default zone's entities on the stage", client::state);
        Set<Integer> ids = stageDisplays();
        settleInSilence(ids);
        Map<Integer, String> settled = lastTransforms(ids);

        AtomicInteger frames = new AtomicInteger();
        var loud = player.scheduleAtFixedRate(() -> socket.send(frame(1.0, frames.getAndIncrement())), 0,
                FRAME_INTERVAL_MS, TimeUnit.MILLISECONDS);
        try {
            Waits.until(() -> changedSince(settled, ids) >= ids.size() / 2,
                    "half of the stage's entities to move with loud frames", client::state);
        } finally {
            loud.cancel(false);
        }
        assertTrue(frames.get() > 0);
    }

    /**
     * MCAV's renderers name materials the Bukkit way ({@code SEA_LANTERN}); such a name, and one that is no block
     * at all, once stopped the server tick for good. The show must go on: later requests are answered and the
     * entities keep moving for the joined client.
     */
    @Test
    void bukkitAndUnknownMaterialNamesDoNotStopTheShow() {
        Waits.until(() -> stageDisplays().size() >= 16, "the default zone's entities on the stage", client::state);
        socket.send("{\"type\":\"init_pool\",\"zone\":\"" + DefaultShow.ZONE
                + "\",\"count\":16,\"material\":\"SEA_LANTERN\"}");
        socket.send(batch(0.2, "SEA_LANTERN", "not_a_block_xyz", "minecraft:stone"));
        socket.send("{\"type\":\"get_zones\",\"_seq\":4242}");
        Waits.until(() -> socket.received().stream().anyMatch(m -> m.contains("\"zones\"") && m.contains("4242")),
                "the zones reply after the batch with Bukkit and unknown materials", () -> "" + socket.received());

        int before = client.events(e -> ProtocolClient.is(e, "metadata")).size();
        socket.send(batch(0.8, "SEA_LANTERN", "not_a_block_xyz", "minecraft:stone"));
        Waits.until(() -> client.events(e -> ProtocolClient.is(e, "metadata")).size() > before,
                "the entities to move again after the bad materials", client::state);
    }

    /** A {@code batch_update} for the default zone: 16 entities at height {@code y}, materials taken in turn. */
    private static String batch(double y, String... materials) {
        StringBuilder entities = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0) entities.append(',');
            entities.append("{\"id\":\"block_").append(i).append("\",\"x\":").append((i % 4) / 4.0)
                    .append(",\"y\":").append(y).append(",\"z\":").append((i / 4) / 4.0)
                    .append(",\"scale\":0.5,\"material\":\"").append(materials[i % materials.length]).append("\"}");
        }
        return "{\"type\":\"batch_update\",\"zone\":\"" + DefaultShow.ZONE + "\",\"entities\":[" + entities + "]}";
    }

    @Test
    void playersSeeTheZoneThroughAudiovizCommands() throws Exception {
        client.chat("/audioviz zone list");
        client.await(e -> ProtocolClient.is(e, "chat") && e.get("text").getAsString().contains(DefaultShow.ZONE),
                "the zone list naming the default zone");
    }

    /**
     * Plays silence until the stage is still: {@value #QUIET_FRAMES} silent frames in a row without a single
     * metadata packet for its entities (the engine sends nothing for entities that do not change).
     */
    private static void settleInSilence(Set<Integer> ids) {
        AtomicInteger sent = new AtomicInteger();
        var silence = player.scheduleAtFixedRate(() -> socket.send(frame(0.0, sent.getAndIncrement())), 0,
                FRAME_INTERVAL_MS, TimeUnit.MILLISECONDS);
        long[] lastCount = {-1};
        int[] sentAtLastChange = {0};
        try {
            Waits.until(() -> {
                long count = client.events(e -> ProtocolClient.is(e, "metadata") && ids.contains(e.get("id").getAsInt()))
                        .size();
                if (count != lastCount[0]) {
                    lastCount[0] = count;
                    sentAtLastChange[0] = sent.get();
                }
                return sent.get() - sentAtLastChange[0] >= QUIET_FRAMES;
            }, "the stage to stand still in silence", client::state);
        } finally {
            silence.cancel(false);
        }
    }

    /**
     * An audio_state frame with every band at {@code level}. Loud frames carry a 128 BPM beat (a beat every 10th
     * frame, the phase running between); silent ones carry nothing that changes from frame to frame.
     */
    private static String frame(double level, int n) {
        boolean loud = level > 0;
        boolean beat = loud && n % 10 == 0;
        String bands = String.join(",", List.of(level, level, level, level, level).stream().map(String::valueOf)
                .toList());
        return "{\"type\":\"audio_state\",\"bands\":[" + bands + "],\"amplitude\":" + level + ",\"is_beat\":" + beat
                + ",\"beat_intensity\":" + (beat ? 1 : 0) + ",\"bpm\":128,\"tempo_confidence\":" + (loud ? 0.9 : 0)
                + ",\"beat_phase\":" + (loud ? (n % 10) / 10.0 : 0) + ",\"frame\":" + n + "}";
    }

    private static Set<Integer> stageDisplays() {
        return client.events(e -> ProtocolClient.is(e, "spawn") && e.get("type").getAsString().endsWith("_display")
                        && Math.abs(e.get("x").getAsDouble() - StandaloneWorld.STAGE_ORIGIN.x()) < 1e-6)
                .stream().map(e -> e.get("id").getAsInt()).collect(Collectors.toSet());
    }

    /** Each entity's latest translation and scale as the client knows it ("" when none was sent). */
    private static Map<Integer, String> lastTransforms(Set<Integer> ids) {
        Map<Integer, String> last = new HashMap<>();
        for (JsonObject e : client.events(e -> ProtocolClient.is(e, "metadata") && ids.contains(e.get("id").getAsInt()))) {
            JsonObject fields = e.getAsJsonObject("fields");
            int id = e.get("id").getAsInt();
            String before = last.getOrDefault(id, "|");
            String[] parts = before.split("\\|", -1);
            String translation = fields.has("translation") ? fields.get("translation").toString() : parts[0];
            String scale = fields.has("scale") ? fields.get("scale").toString() : parts[1];
            last.put(id, translation + "|" + scale);
        }
        return last;
    }

    private static long changedSince(Map<Integer, String> settled, Set<Integer> ids) {
        Map<Integer, String> now = lastTransforms(ids);
        return ids.stream().filter(id -> !now.getOrDefault(id, "|").equals(settled.getOrDefault(id, "|"))).count();
    }
}
