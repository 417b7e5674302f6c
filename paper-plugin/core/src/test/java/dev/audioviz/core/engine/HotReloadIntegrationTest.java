package dev.audioviz.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.audioviz.core.AudioVizCore;
import dev.audioviz.core.command.CommandReply;
import dev.audioviz.core.command.CommandSenderInfo;
import dev.audioviz.core.testing.ManualClock;
import dev.audioviz.core.testing.RecordingDisplayWorld;
import dev.audioviz.core.testing.ServerLoop;
import dev.audioviz.core.testing.TestClient;
import dev.audioviz.core.testing.TestCores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload of scripts/ while frames flow from a real :8765 client, with real GraalJS. */
class HotReloadIntegrationTest {
    @TempDir
    Path data;

    private final RecordingDisplayWorld world = new RecordingDisplayWorld();
    private final ManualClock clock = new ManualClock(0);
    private AudioVizCore core;
    private TestClient client;

    @BeforeEach
    void start() throws Exception {
        core = TestCores.core(data, TestCores.fixtureBundle(), TestCores.config(Map.of()), world, clock);
        core.start();
        client = TestClient.connect(core.status().socketPort());
        ServerLoop.tickUntil(core, () -> !world.applied.isEmpty(), "the first frame");
    }

    @AfterEach
    void stop() throws InterruptedException {
        client.closeBlocking();
        core.stop();
    }

    /** Ticks while the client streams audio frames, until {@code condition} holds. */
    private void flowUntil(java.util.function.BooleanSupplier condition, String what) {
        ServerLoop.tickUntil(core, () -> {
            client.send("{\"type\":\"audio_state\",\"amplitude\":1}");
            return condition.getAsBoolean();
        }, what);
    }

    @Test
    void picksUpANewPatternFileWhileFramesFlow() throws Exception {
        Files.writeString(data.resolve("scripts/patterns/flat.js"),
                "({ calculate(t, a, y, n) { for (let i = 0; i < n; i++) y[i] = 0.25; } })");
        flowUntil(() -> allAt(0.25), "entities at y = 0.25");
        Files.writeString(data.resolve("scripts/patterns/flat.js"),
                "({ calculate(t, a, y, n) { for (let i = 0; i < n; i++) y[i] = 0.75; } })");
        flowUntil(() -> allAt(0.75), "entities at y = 0.75 after an edit");
        assertNull(core.status().lastReloadError());
    }

    /**
     * Whether the fixture zone's 16 entities show at zone-local height {@code y}: the zone is 2 blocks high and
     * a block's centre sits on its point, so the translation is 2y − 0.5, give or take the 1 cm step below which
     * moves are not sent.
     */
    private boolean allAt(double y) {
        List<Float> ys = world.shownYs();
        return ys.size() == 16 && ys.stream().allMatch(v -> Math.abs(v - (2 * y - 0.5)) <= 0.0101);
    }

    @Test
    void replacesTheWholeBundleAndRespawnsTheWorld() throws Exception {
        int resetsBefore = world.removeAllCalls;
        Files.writeString(data.resolve("scripts/engine.js"),
                TestCores.fixtureBundle().replace("'fixture-1'", "'fixture-2'"));
        flowUntil(() -> core.status().engineVersion().equals("fixture-2"), "the new bundle");
        flowUntil(() -> world.removeAllCalls > resetsBefore, "the world reset for the new engine");
        long frames = core.status().framesApplied();
        flowUntil(() -> core.status().framesApplied() > frames + 3, "frames from the new engine");
    }

    @Test
    void tellsTheNewEngineAboutClientsAlreadyConnected() throws Exception {
        Files.writeString(data.resolve("scripts/engine.js"),
                TestCores.fixtureBundle().replace("'fixture-1'", "'fixture-2'"));
        flowUntil(() -> core.status().engineVersion().equals("fixture-2"), "the new bundle");
        client.send("{\"type\":\"echo\",\"_seq\":77}");
        flowUntil(() -> client.count("\"seq\":77") == 1, "the echo from the new engine");
        assertTrue(client.received.stream().anyMatch(m -> m.contains("\"seq\":77") && m.contains("\"trusted\":true")),
                client.received.toString());
    }

    @Test
    void keepsTheRunningEngineWhenTheNewBundleIsBroken() throws Exception {
        Files.writeString(data.resolve("scripts/engine.js"), "this is { not javascript");
        flowUntil(() -> core.status().lastReloadError() != null, "the reload error");
        assertTrue(core.status().lastReloadError().contains("engine.js did not load"),
                core.status().lastReloadError());
        assertEquals("fixture-1", core.status().engineVersion());
        long frames = core.status().framesApplied();
        flowUntil(() -> core.status().framesApplied() > frames + 3, "frames still flowing from the old engine");

        CompletableFuture<CommandReply> reply = core.command(CommandSenderInfo.console(), List.of("reload"));
        ServerLoop.tickUntil(core, reply::isDone, "the reload reply");
        assertFalse(reply.get().ok());
        assertTrue(String.join("\n", reply.get().lines()).contains("engine.js did not load"));
    }

    @Test
    void rejectsABundleThatDoesNotSetAudioVizEngine() throws Exception {
        Files.writeString(data.resolve("scripts/engine.js"), "globalThis.somethingElse = 1;");
        flowUntil(() -> core.status().lastReloadError() != null, "the reload error");
        assertTrue(core.status().lastReloadError().contains("AudioVizEngine"), core.status().lastReloadError());
        assertEquals("fixture-1", core.status().engineVersion());
    }

    @Test
    void reportsABrokenPatternAndKeepsThePreviousOne() throws Exception {
        Files.writeString(data.resolve("scripts/patterns/bad.js"), "({ nothing: 1 })");
        flowUntil(() -> core.status().lastReloadError() != null, "the pattern error");
        assertTrue(core.status().lastReloadError().contains("no calculate"));
        long frames = core.status().framesApplied();
        flowUntil(() -> core.status().framesApplied() > frames + 3, "frames still flowing");
    }
}
