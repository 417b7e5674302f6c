package dev.audioviz.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.audioviz.core.command.CommandReply;
import dev.audioviz.core.command.CommandSenderInfo;
import dev.audioviz.core.testing.ManualClock;
import dev.audioviz.core.testing.RecordingDisplayWorld;
import dev.audioviz.core.testing.ServerLoop;
import dev.audioviz.core.testing.TestCores;
import dev.audioviz.core.world.EngineDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core's lifecycle with real GraalJS and the fixture bundle: ticks, frames diffed, commands, persistence. */
class AudioVizCoreIntegrationTest {
    @TempDir
    Path data;

    private final RecordingDisplayWorld world = new RecordingDisplayWorld();
    private final ManualClock clock = new ManualClock(1_000_000);
    private AudioVizCore core;

    @AfterEach
    void stop() {
        if (core != null) core.stop();
    }

    private AudioVizCore started() throws Exception {
        core = TestCores.core(data, TestCores.fixtureBundle(), TestCores.config(Map.of()), world, clock);
        core.start();
        return core;
    }

    @Test
    void appliesTheEnginesDiffOnTheServerThread() throws Exception {
        started();
        ServerLoop.tickUntil(core, () -> !world.applied.isEmpty(), "a diff applied");
        // The fixture's frame, diffed: its 16 entities spawn (at scale 0, so at their points) with their state.
        EngineDiff diff = world.applied.get(0);
        assertEquals(16, diff.count());
        assertEquals(EngineDiff.SPAWN | EngineDiff.TRANSFORM | EngineDiff.BRIGHTNESS | EngineDiff.GLOW
                | EngineDiff.MATERIAL, diff.ints()[EngineDiff.I_FLAGS]);
        assertEquals(15, diff.ints()[EngineDiff.I_BRIGHTNESS]);
        assertEquals(List.of("minecraft:sea_lantern"), diff.materials());
        assertEquals("main", diff.zones().get(0).name());
        assertEquals(1f / 16, diff.floats()[EngineDiff.FLOAT_STRIDE + EngineDiff.F_TX]);
        assertEquals(0f, diff.floats()[EngineDiff.FLOAT_STRIDE + EngineDiff.F_SCALE]);
        assertTrue(world.callers.stream().allMatch(t -> t == Thread.currentThread()));
        assertEquals(1, world.removeAllCalls, "a fresh engine starts from an empty world");
    }

    @Test
    void appliesAnEmptyDiffThatMovesAZone() throws Exception {
        started();
        ServerLoop.tickUntil(core, () -> core.status().framesApplied() >= 3, "the entities spawned and grown");
        CompletableFuture<CommandReply> reply = core.command(CommandSenderInfo.console(), List.of("move", "5"));
        ServerLoop.tickUntil(core, () -> reply.isDone() && world.last().zones().get(0).x() == 5, "the moved anchor");
        assertEquals(0, world.last().count(), "the entities keep their place relative to the anchor");
    }

    @Test
    void answersCommandsOnTheServerThread() throws Exception {
        started();
        CompletableFuture<CommandReply> reply =
                core.command(CommandSenderInfo.console(), List.of("status"));
        Thread[] completedOn = new Thread[1];
        reply.thenRun(() -> completedOn[0] = Thread.currentThread());
        ServerLoop.tickUntil(core, reply::isDone, "the command reply");
        assertTrue(reply.get().ok());
        assertEquals(List.of("pattern wave", "sender CONSOLE"), reply.get().lines());
        assertEquals(Thread.currentThread(), completedOn[0]);
    }

    @Test
    void suggestsFromTheEnginesCompletions() throws Exception {
        started();
        List<String> args = List.of("st");
        ServerLoop.tickUntil(core, () -> !core.suggest(CommandSenderInfo.console(), args).isEmpty(), "suggestions");
        assertEquals(List.of("status"), core.suggest(CommandSenderInfo.console(), args));
    }

    @Test
    void savesDocumentsAtomicallyOnStop() throws Exception {
        started();
        CompletableFuture<CommandReply> reply =
                core.command(CommandSenderInfo.console(), List.of("pattern", "wave"));
        ServerLoop.tickUntil(core, reply::isDone, "the command reply");
        core.stop();
        String saved = Files.readString(data.resolve("settings.json"));
        assertEquals("{\"entities\":16,\"pattern\":\"wave\"}", saved);
        try (var files = Files.list(data)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temp file left");
        }
        core = null;
    }

    @Test
    void reloadRecreatesTheEngineFromItsBundle() throws Exception {
        started();
        ServerLoop.tickUntil(core, () -> !world.applied.isEmpty(), "a frame");
        int resets = world.removeAllCalls;
        CompletableFuture<CommandReply> reply = core.command(CommandSenderInfo.console(), List.of("reload"));
        ServerLoop.tickUntil(core, reply::isDone, "the reload reply");
        assertTrue(reply.get().ok(), reply.get().lines().toString());
        ServerLoop.tickUntil(core, () -> world.removeAllCalls > resets, "the world reset for the new engine");
    }

    @Test
    void refusesReloadWithoutTheAdminPermission() throws Exception {
        started();
        CommandSenderInfo player = new CommandSenderInfo("alex", List.of("audioviz.control"), null);
        CommandReply reply = core.command(player, List.of("reload")).get();
        assertFalse(reply.ok());
        assertEquals(List.of("You need audioviz.admin to reload."), reply.lines());
    }

    @Test
    void reportsItsStatus() throws Exception {
        started();
        ServerLoop.tickUntil(core, () -> core.status().framesApplied() > 0, "a frame");
        CoreStatus status = core.status();
        assertTrue(status.running());
        assertEquals("fixture-1", status.engineVersion());
        assertTrue(status.socketPort() > 0);
        assertNotNull(status.runtime());
    }
}
