package dev.audioviz.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.audioviz.standalone.testing.ProtocolClient;
import dev.audioviz.standalone.testing.SocketClient;
import dev.audioviz.standalone.testing.StandaloneHarness;
import dev.audioviz.standalone.testing.Waits;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import net.minestom.server.ServerFlag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole standalone chain with the core's stand-in engine bundle (one zone "main" at 0 64 0 whose 16
 * entities bob with the last {@code audio_state} amplitude): :8765 frame → core → GraalJS engine → frame diffed
 * in Java → Minestom → a real Minecraft client; and {@code /audioviz} typed by that client.
 */
class StandaloneServerIntegrationTest {
    @TempDir
    static Path data;

    private static StandaloneServer server;
    private static ProtocolClient client;
    private static SocketClient socket;

    @BeforeAll
    static void start() throws Exception {
        server = StandaloneHarness.start(data, StandaloneHarness.fixtureBundle());
        client = ProtocolClient.join(server.port(), "Watcher");
        socket = SocketClient.connect(server.core().status().socketPort());
    }

    @AfterAll
    static void stop() throws Exception {
        if (socket != null) socket.closeBlocking();
        if (client != null) client.close();
        if (server != null) server.close();
    }

    @Test
    void theEnginesEntitiesSpawnAtTheirZoneAnchor() {
        Waits.until(() -> spawnedDisplays().size() >= 16, "16 display entities", client::state);
        for (JsonObject spawn : client.events(e -> ProtocolClient.is(e, "spawn")
                && e.get("type").getAsString().equals("block_display"))) {
            // The stand-in engine's zone "main" is anchored at 0 64 0.
            assertEquals(0, spawn.get("x").getAsDouble(), 1e-6);
            assertEquals(64, spawn.get("y").getAsDouble(), 1e-6);
            assertEquals(0, spawn.get("z").getAsDouble(), 1e-6);
        }
        assertTrue(server.core().status().framesApplied() > 0);
    }

    @Test
    void minestomsSocketWriterWakesOnEachPacketInsteadOfPolling() {
        // Polling would hold every entity update back by up to 25 ms (each test class runs in its own JVM, so
        // Minestom's flags were first read by this server's start).
        assertTrue(ServerFlag.FASTER_SOCKET_WRITES);
    }

    @Test
    void audioStateFramesMoveTheEntities() throws Exception {
        Waits.until(() -> spawnedDisplays().size() >= 16, "16 display entities", client::state);
        Set<Integer> ids = spawnedDisplays();
        // Amplitude 0 flattens every entity to y = 0.5 (zone-local), whatever the time: in the 2-block-high zone
        // its 1-block display sits at translation y 2 · 0.5 − 0.5 = 0.5, give or take the 1 cm step below which
        // a move is not sent.
        socket.send("{\"type\":\"audio_state\",\"bands\":[0,0,0,0,0],\"amplitude\":0,\"is_beat\":false,"
                + "\"beat_intensity\":0,\"bpm\":120,\"tempo_confidence\":0,\"beat_phase\":0}");
        Waits.until(() -> ids.stream().allMatch(id -> Math.abs(lastTranslationY(id) - 0.5) <= 0.0101),
                "every entity at the flat height after an amplitude 0 frame", client::state);

        // Loud frames lift them off that line again.
        int loudMark = client.events().size();
        socket.send("{\"type\":\"audio_state\",\"bands\":[1,1,1,1,1],\"amplitude\":1,\"is_beat\":true,"
                + "\"beat_intensity\":1,\"bpm\":120,\"tempo_confidence\":1,\"beat_phase\":0}");
        Waits.until(() -> translationsSince(loudMark, ids, y -> Math.abs(y - 0.5) > 0.01) >= ids.size() / 2,
                "entities moving after a loud frame", client::state);
    }

    @Test
    void playersRunAudiovizCommandsWithEveryPermission() throws Exception {
        client.chat("/audioviz status");
        client.await(e -> ProtocolClient.is(e, "chat") && e.get("text").getAsString().contains("sender Watcher"),
                "the engine's answer to /audioviz status");
        client.chat("/av pattern nope");
        client.await(e -> ProtocolClient.is(e, "chat") && e.get("text").getAsString().contains("unknown command"),
                "the engine's refusal of an unknown pattern, through the alias");
    }

    private static Set<Integer> spawnedDisplays() {
        return client.events(e -> ProtocolClient.is(e, "spawn") && e.get("type").getAsString().equals("block_display"))
                .stream().map(e -> e.get("id").getAsInt()).collect(Collectors.toSet());
    }

    /** The translation y the client last got for entity {@code id} (NaN before any). */
    private static double lastTranslationY(int id) {
        double y = Double.NaN;
        for (JsonObject e : client.events(e -> ProtocolClient.is(e, "metadata") && e.get("id").getAsInt() == id
                && e.getAsJsonObject("fields").has("translation"))) {
            y = e.getAsJsonObject("fields").getAsJsonObject("translation").get("y").getAsDouble();
        }
        return y;
    }

    /** How many of {@code ids} got a translation whose y matches, in events after index {@code mark}. */
    private static long translationsSince(int mark, Set<Integer> ids, java.util.function.DoublePredicate y) {
        var events = client.events();
        return events.subList(Math.min(mark, events.size()), events.size()).stream()
                .filter(e -> ProtocolClient.is(e, "metadata") && ids.contains(e.get("id").getAsInt())
                        && e.getAsJsonObject("fields").has("translation")
                        && y.test(e.getAsJsonObject("fields").getAsJsonObject("translation").get("y").getAsDouble()))
                .map(e -> e.get("id").getAsInt()).distinct().count();
    }
}
