package dev.audioviz.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.audioviz.core.config.CoreConfig;
import dev.audioviz.core.storage.DocumentStore;
import dev.audioviz.core.testing.LogCapture;
import dev.audioviz.core.testing.ManualClock;
import dev.audioviz.core.testing.TestCores;
import dev.audioviz.core.world.EngineDiff;
import dev.audioviz.core.world.ZoneAnchor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FrameCopier} on TickFrames built by JS in GraalJS, and the session's handling of a malformed one. */
class FrameCopierTest {
    /**
     * Builds zone buffers in JS in the layout {@link ZoneFrame} declares; {@code zone(id, n, kind)} fills entity i
     * with i-based values.
     */
    private static final String ZONES_JS = """
            const FIELDS = %s;
            const SIZES = { f32: 4, i32: 4, i16: 2, u8: 1 };
            function layout(n) {
              const at = {};
              let offset = %d;
              for (const field of FIELDS) {
                const [name, type] = field.split(':');
                at[name] = offset;
                offset += SIZES[type] * n;
              }
              at.bytes = offset;
              return at;
            }
            function zone(id, n, kind) {
              const at = layout(n);
              const buffer = new ArrayBuffer(at.bytes);
              new Float64Array(buffer, 0, %d).set([id, n, kind, 30, 10, 4, 10]);
              const f32 = (o) => new Float32Array(buffer, o, n);
              const [x, y, z, scale, yaw] = [at.x, at.y, at.z, at.scale, at.yaw].map(f32);
              const glowColor = new Int32Array(buffer, at.glowColor, n);
              const material = new Int32Array(buffer, at.material, n);
              const interpolation = new Int16Array(buffer, at.interpolation, n);
              const brightness = new Uint8Array(buffer, at.brightness, n);
              for (let i = 0; i < n; i++) {
                x[i] = i / n; y[i] = 0.25; z[i] = 0.5; scale[i] = 1.5; yaw[i] = -i;
                glowColor[i] = i === 1 ? 0x60ff60 : -1; material[i] = i === 1 ? 3 : 0;
                interpolation[i] = i === 1 ? 300 : 2; brightness[i] = i === 1 ? 9 : 15;
              }
              return buffer;
            }
            const stage = { name: 'stage', world: 'world', x: 10, y: 64, z: -3.5 };
            """.formatted(
                    Arrays.stream(ZoneFrame.FIELDS).map(f -> "'" + f + "'").collect(Collectors.joining(", ", "[", "]")),
                    ZoneFrame.HEADER_BYTES, ZoneFrame.HEADER_SLOTS);

    @TempDir
    Path dir;

    private final Context context = Context.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
    private final FrameCopier copier = new FrameCopier();

    @AfterEach
    void close() {
        context.close();
    }

    /** Runs {@code body} (which returns a value) as a function in a context holding the helpers above. */
    private Value js(String body) {
        return context.eval("js", "(function () {\n" + ZONES_JS + body + "\n})()");
    }

    @Test
    void copiesAnchorsZoneBuffersAndMaterials() {
        FrameSnapshot s = copier.copy(js("return { zones: [null, stage], frames: [null, zone(7, 4, 1)],"
                + " materials: ['minecraft:a', 'minecraft:b'] };"));
        assertEquals(2, s.slots());
        assertNull(s.anchor(0));
        assertNull(s.frame(0));
        assertEquals(new ZoneAnchor("stage", "world", 10, 64, -3.5), s.anchor(1));
        assertEquals(List.of("minecraft:a", "minecraft:b"), s.materials());
        ZoneFrame z = s.frame(1);
        assertNotNull(z);
        assertEquals(7, z.id());
        assertEquals(4, z.count());
        assertEquals(EngineDiff.KIND_ITEM, z.kind());
        assertEquals(30, z.rotation());
        assertEquals(List.of(10.0, 4.0, 10.0), List.of(z.sizeX(), z.sizeY(), z.sizeZ()));
        // Every field at its offset, in the platform's byte order.
        assertEquals(List.of(0.75f, 0.25f, 0.5f, 1.5f, -3f), List.of(z.x(3), z.y(3), z.z(3), z.scale(3), z.yaw(3)));
        assertEquals(List.of(-1, 0, 2, 15), List.of(z.glowColor(3), z.material(3), z.interpolation(3), z.brightness(3)));
        assertEquals(List.of(0x60ff60, 3, 300, 9),
                List.of(z.glowColor(1), z.material(1), z.interpolation(1), z.brightness(1)));
    }

    @Test
    void readsOnlyTheNewMaterialsAndKeepsTheListWhileItDoesNotGrow() {
        Value materials = js("return ['minecraft:a'];");
        Value frame = js("return (m) => ({ zones: [], frames: [], materials: m });");
        List<String> first = copier.copy(frame.execute(materials)).materials();
        assertSame(first, copier.copy(frame.execute(materials)).materials());
        materials.setArrayElement(1, "minecraft:b");
        assertEquals(List.of("minecraft:a", "minecraft:b"), copier.copy(frame.execute(materials)).materials());
    }

    @Test
    void refusesAFrameThatBreaksTheContractWithAClearMessage() {
        assertRefused("zone slot 0 has an anchor but no zone buffer",
                "return { zones: [stage], frames: [null], materials: [] };");
        assertRefused("zone slot 1 has a zone buffer but no anchor",
                "return { zones: [stage], frames: [zone(1, 2, 0), zone(2, 2, 0)], materials: [] };");
        assertRefused("zone slot 0 is not an ArrayBuffer", "return { zones: [stage], frames: [{}], materials: [] };");
        assertRefused("zone slot 0 is malformed: header COUNT 5000",
                "const b = zone(1, 16, 0); new Float64Array(b, 0, 8)[1] = 5000;"
                        + "return { zones: [stage], frames: [b], materials: [] };");
        assertRefused("zone slot 0 is malformed: its buffer has 559 bytes, COUNT 16 needs 560",
                "return { zones: [stage], frames: [zone(1, 16, 0).slice(0, 559)], materials: [] };");
        assertRefused("zone slot 0 is malformed: header SIZE_X is NaN",
                "const b = zone(1, 16, 0); new Float64Array(b, 0, 8)[4] = NaN;"
                        + "return { zones: [stage], frames: [b], materials: [] };");
        assertRefused("no array \"frames\"", "return { zones: [], materials: [] };");
        assertRefused("did not return a TickFrame",
                "return { zones: [{ name: 1 }], frames: [zone(1, 1, 0)], materials: [] };");
        assertRefused("300 zone slots, more than 256",
                "return { zones: new Array(300).fill(null), frames: [], materials: [] };");
    }

    /**
     * A tick cut short by the watchdog gives no diff, even when its script catches the interrupt and returns a
     * frame, and the differ carries on from the last good frame.
     */
    @Test
    void aTickCutShortByTheWatchdogGivesNoDiff() throws Exception {
        String bundle = bundle("", """
                      if (ticks === 3) {
                        try { for (;;) {} } catch (e) { /* carry on */ }
                      }
                      return good;
                """);
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        AtomicLong nanos = new AtomicLong();
        Watchdog watchdog = new Watchdog(CallClock.wall(nanos::get), logger, Duration.ofMillis(5));
        JavaHost host = new JavaHost(new ManualClock(0), CallClock.cpuTime(), logger, new DocumentStore(dir), (c, t) -> {}, (z, m) -> {});
        try (Engine graal = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
                EngineSession session = EngineSession.load(graal, "frames.js", bundle, host, TestCores.config(Map.of()),
                        watchdog, logger, TimeUnit.SECONDS.toNanos(60), () -> {})) {
            session.budget(1_000_000);
            assertEquals(3, session.tick().count(), "the spawns");
            assertEquals(3, session.tick().count(), "the growth to scale 1");
            Thread poller = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    nanos.addAndGet(10_000_000);
                    watchdog.check();
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            poller.start();
            EngineDiff cut;
            try {
                cut = session.tick();
            } finally {
                poller.interrupt();
                poller.join();
            }
            assertNull(cut);
            assertEquals(0, session.tick().count(), "the world already shows the good frame");
        }
    }

    /**
     * A bundle whose engine's {@code tick()} runs {@code tickBody} (with {@code ticks} counted and {@code good},
     * a settled three-entity frame, at hand) after {@code setup}; the rest of the engine API does nothing.
     */
    private static String bundle(String setup, String tickBody) {
        return ZONES_JS + """
                globalThis.AudioVizEngine = { ENGINE_VERSION: 'frames-1', createEngine() {
                  let ticks = 0;
                  const good = { zones: [stage], frames: [zone(1, 3, 0)], materials: ['minecraft:stone'] };
                """ + setup + """
                  return {
                    tick() {
                      ticks++;
                """ + tickBody + """
                    },
                    enqueue() {}, clientConnected() {}, clientDisconnected() {}, interrupted() {},
                    command() { return { ok: true, lines: [] }; }, complete() { return []; },
                    loadPatternSource() { return null; }, dispose() {},
                    status() {
                      return { zones: 1, entities: 3, queueLength: 0, droppedMessages: 0, ticks, disabledPatterns: [] };
                    },
                  };
                } };
                """;
    }

    private void assertRefused(String message, String frameJs) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> copier.copy(js(frameJs)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    /**
     * A bundle whose third and fourth ticks return a malformed frame, the fifth none, the sixth one without
     * its materials: the session applies nothing those ticks, logs each error once however often it repeats,
     * and the differ goes on from the last good frame as if those ticks never happened.
     */
    @Test
    void theSessionSkipsATickWithAMalformedFrameAndTheDifferGoesOnUnchanged() throws Exception {
        String bundle = bundle(
                "const bad = { zones: [stage], frames: [zone(1, 3, 0).slice(0, 100)], materials: ['minecraft:stone'] };",
                """
                      if (ticks === 5) return null;
                      if (ticks === 6) return { zones: [], frames: [], materials: [] };
                      return ticks === 3 || ticks === 4 ? bad : good;
                """);
        Logger logger = Logger.getAnonymousLogger();
        List<String> warnings = LogCapture.on(logger, Level.WARNING).messages;
        CoreConfig config = TestCores.config(Map.of());
        JavaHost host = new JavaHost(new ManualClock(0), CallClock.cpuTime(), logger, new DocumentStore(dir), (c, t) -> {}, (z, m) -> {});
        Watchdog watchdog = new Watchdog(CallClock.cpuTime(), logger, Duration.ofMillis(5));
        try (Engine graal = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
                EngineSession session = EngineSession.load(graal, "frames.js", bundle, host, config, watchdog, logger,
                        TimeUnit.SECONDS.toNanos(60), () -> {})) {
            session.budget(TimeUnit.SECONDS.toNanos(60));
            assertEquals(3, session.tick().count(), "the spawns");
            assertEquals(3, session.tick().count(), "the growth to scale 1");
            assertNull(session.tick(), "a malformed frame: nothing to apply");
            assertNull(session.tick());
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("zone slot 0 is malformed"), warnings.get(0));
            assertNull(session.tick(), "no frame");
            assertEquals(1, warnings.size(), "no frame is no error: " + warnings);
            assertNull(session.tick(), "an empty frame after materials were listed is not this engine's frame");
            assertTrue(warnings.get(1).contains("fewer than the 1 it listed before"), warnings.toString());
            assertEquals(0, session.tick().count(), "the world already shows the good frame");
        }
    }
}
