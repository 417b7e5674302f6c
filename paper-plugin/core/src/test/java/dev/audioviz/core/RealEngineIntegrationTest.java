package dev.audioviz.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.audioviz.core.command.CommandReply;
import dev.audioviz.core.command.CommandSenderInfo;
import dev.audioviz.core.testing.LogCapture;
import dev.audioviz.core.testing.ManualClock;
import dev.audioviz.core.testing.RecordingDisplayWorld;
import dev.audioviz.core.testing.ServerLoop;
import dev.audioviz.core.testing.TestClient;
import dev.audioviz.core.testing.TestCores;
import dev.audioviz.core.world.EngineDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole host on the real engine bundle (scripts/bundle/engine.js): a zone and its pool from commands,
 * audio over a real :8765 client, engine error replies, pattern hot reload while frames flow, and a runaway
 * pattern interrupted and disabled. Fails with "run npm run build" when the bundle is missing.
 */
class RealEngineIntegrationTest {
    private static final String AUDIO = "{\"type\":\"audio_state\",\"bands\":[0.9,0.6,0.4,0.3,0.2],\"amplitude\":0.8,"
            + "\"is_beat\":true,\"beat_intensity\":1,\"bpm\":128,\"tempo_confidence\":0.9,\"beat_phase\":0}";

    @TempDir
    Path data;

    private final RecordingDisplayWorld world = new RecordingDisplayWorld();
    private final ManualClock clock = new ManualClock(1_000_000);
    private AudioVizCore core;
    private TestClient client;

    @BeforeEach
    void start() throws Exception {
        // The test thread moves the server clock while the script thread ticks; budgets count CPU time, so that
        // cannot make a pattern look slow.
        core = TestCores.core(data, TestCores.realBundle(),
                TestCores.config(Map.of("engine.call_budget_ms", 250, "engine.warmup_ticks", 40)), world, clock);
        core.start();
        client = TestClient.connect(core.status().socketPort());
        run("zone", "create", "stage", "concert_hall", "world", "0", "64", "0");
        run("pool", "init", "stage", "32");
        flowUntil(() -> spawned() >= 32, "32 entities spawned");
    }

    @AfterEach
    void stop() throws InterruptedException {
        client.closeBlocking();
        core.stop();
    }

    private CommandReply run(String... args) throws Exception {
        CompletableFuture<CommandReply> reply = core.command(CommandSenderInfo.console(), List.of(args));
        ServerLoop.tickUntil(core, reply::isDone, "reply to " + String.join(" ", args));
        assertTrue(reply.get().ok(), String.join("\n", reply.get().lines()));
        return reply.get();
    }

    /** Server ticks with the clock moving 50 ms per tick and audio arriving, until {@code condition}. */
    private void flowUntil(java.util.function.BooleanSupplier condition, String what) {
        ServerLoop.tickUntil(core, () -> {
            clock.advance(Duration.ofMillis(50));
            client.send(AUDIO);
            return condition.getAsBoolean();
        }, what);
    }

    private long spawned() {
        long n = 0;
        for (EngineDiff d : world.applied) {
            for (int i = 0; i < d.count(); i++) {
                if ((d.ints()[i * EngineDiff.INT_STRIDE + EngineDiff.I_FLAGS] & EngineDiff.SPAWN) != 0) n++;
            }
        }
        return n;
    }

    @Test
    void movesTheZonesEntitiesToTheMusic() {
        long frames = core.status().framesApplied();
        flowUntil(() -> core.status().framesApplied() > frames + 10, "ten more frames");
        EngineDiff last = world.last();
        assertEquals("stage", last.zones().get(0).name());
        assertTrue(last.materials().stream().allMatch(m -> m.startsWith("minecraft:")), last.materials().toString());
        assertEquals(0, core.status().messagesDropped());
    }

    @Test
    void repliesWithTheEnginesErrorsOverTheSocket() {
        client.send("{\"type\":\"get_zone\",\"zone\":\"nowhere\",\"_seq\":5}");
        flowUntil(() -> client.count("ZONE_NOT_FOUND") == 1, "the engine's error reply");
        assertTrue(client.received.stream().anyMatch(m -> m.contains("\"_seq\":5") && m.contains("\"error\"")));
    }

    @Test
    void hotLoadsAPatternBundleWhileFramesFlow() throws Exception {
        Path builtIn = Path.of(System.getProperty("audioviz.engine.bundle.dir", "../../scripts/bundle"))
                .resolve("patterns/circle.js");
        Logger logger = Logger.getLogger("audioviz-test");
        LogCapture log = LogCapture.on(logger, Level.INFO);
        try {
            // Each step waits for its own file to be loaded: files that settle in one scan load in folder order,
            // and a good load after the broken one would clear the error this test waits for.
            java.util.function.IntSupplier circleLoads =
                    () -> (int) log.messages.stream().filter("AudioViz pattern circle loaded"::equals).count();
            Files.copy(builtIn, data.resolve("scripts/patterns/circle.js"));
            flowUntil(() -> circleLoads.getAsInt() == 1, "the copied pattern loaded");
            run("pattern", "set", "circle", "stage");
            Files.writeString(data.resolve("scripts/patterns/circle.js"), Files.readString(builtIn) + "\n// edited\n");
            flowUntil(() -> circleLoads.getAsInt() == 2, "the edited pattern loaded");
            long reloaded = core.status().framesApplied();
            flowUntil(() -> core.status().lastReloadError() == null && core.status().framesApplied() > reloaded + 5,
                    "frames after reload");
            Files.writeString(data.resolve("scripts/patterns/broken.js"), "module.exports.default = {};");
            flowUntil(() -> core.status().lastReloadError() != null, "the rejected pattern reported");
            long frames = core.status().framesApplied();
            flowUntil(() -> core.status().framesApplied() > frames + 5, "frames still flowing");
        } finally {
            logger.removeHandler(log);
            logger.setUseParentHandlers(true);
        }
    }

    @Test
    void reloadsTheWholeBundleWhileFramesFlowAndKeepsTheZone() throws Exception {
        int resets = world.removeAllCalls;
        long before = spawned();
        Files.writeString(data.resolve("scripts/engine.js"), TestCores.realBundle() + "\n// edited\n");
        flowUntil(() -> world.removeAllCalls > resets, "the new engine taking over");
        flowUntil(() -> spawned() >= before + 32, "the zone's 32 entities back from the saved documents");
        assertEquals(null, core.status().lastReloadError());
    }

    @Test
    void interruptsAPatternThatLoopsForeverAndKeepsTheServerTicking() throws Exception {
        loadRunaway();
        run("pattern", "set", "runaway", "stage");
        // Every onServerTick of flowUntil returns although the script thread keeps hitting the loop.
        flowUntil(() -> core.status().interruptedCalls() >= 3, "three runaway ticks interrupted (then the engine disables it)");
        assertTrue(core.status().running());
    }

    /**
     * GraalJS enters a JS {@code catch} on Context.interrupt and interrupts again at the next call, so the
     * engine must still know which pattern was running when the host reports the interrupt.
     */
    @Test
    void interruptsAndDisablesAPatternThatLoopsForever() throws Exception {
        loadRunaway();
        run("pattern", "set", "runaway", "stage");
        flowUntil(() -> core.status().engine().disabledPatterns().contains("runaway"), "runaway disabled");
        long frames = core.status().framesApplied();
        flowUntil(() -> core.status().framesApplied() > frames + 5, "frames from the fallback pattern");
    }

    /** A pattern that behaves on its trial run and loops forever once it has run for 0.2 s. */
    private void loadRunaway() throws Exception {
        Files.writeString(data.resolve("scripts/patterns/runaway.js"), """
                module.exports.default = {
                  meta: { id: 'runaway', name: 'Runaway', category: 'test', recommendedEntities: 16, params: {} },
                  create() { return {}; },
                  calculate(input, state, out) {
                    if (input.t > 0.2) { for (;;) {} }
                    for (let i = 0; i < out.count; i++) { out.x[i] = 0.5; out.y[i] = 0.5; out.z[i] = 0.5; out.scale[i] = 1; }
                  },
                };
                """);
        flowUntil(() -> core.status().lastReloadError() == null && patternKnown("runaway"), "runaway loaded");
    }

    private boolean patternKnown(String id) {
        try {
            CompletableFuture<CommandReply> reply = core.command(CommandSenderInfo.console(), List.of("pattern", "list"));
            ServerLoop.tickUntil(core, reply::isDone, "pattern list");
            return String.join(" ", reply.get().lines()).contains(id);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
