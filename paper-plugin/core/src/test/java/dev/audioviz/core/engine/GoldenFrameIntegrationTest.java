package dev.audioviz.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.audioviz.core.command.CommandReply;
import dev.audioviz.core.config.CoreConfig;
import dev.audioviz.core.json.JsonText;
import dev.audioviz.core.storage.DocumentStore;
import dev.audioviz.core.testing.ManualClock;
import dev.audioviz.core.testing.TestCores;
import dev.audioviz.core.world.EngineDiff;
import dev.audioviz.core.world.ZoneAnchor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same bundle, the same inputs: GraalJS must produce what Node produces. src/test/node/golden-frames.mjs
 * runs the scenario in Node and writes a transcript of inputs and outputs; this test replays the inputs through
 * the Java host and compares every tick's frame as the host copied it ({@link FrameCopier}), every reply and
 * every sent message (floats within a few ulps, because V8 and GraalJS may round Math.sin and friends
 * differently in the last bit; integers and header numbers exactly).
 */
class GoldenFrameIntegrationTest {
    /** Pattern budget high enough that interpreter speed never changes what the engine does. */
    private static final CoreConfig CONFIG = TestCores.config(Map.of("engine.pattern_budget_ms", 1000));
    private static final float FLOAT_TOLERANCE = 1e-5f;
    /** The entity arrays of a zone frame, in the transcript's order. */
    private static final String[] FIELDS = {"x", "y", "z", "scale", "yaw", "light", "materialOverride",
        "interpolationOverride", "visibleOverride", "glowOverride", "brightnessOverride", "band", "glow"};

    @TempDir
    Path dir;

    @Test
    void theFixtureBundleGivesTheSameOutputInGraalJsAsInNode() throws Exception {
        Path bundle = dir.resolve("fixture.js");
        Files.writeString(bundle, TestCores.fixtureBundle());
        int frames = replay(bundle, "golden/fixture-scenario.json");
        assertEquals(22, frames);
    }

    @Test
    void theRealEngineBundleGivesTheSameOutputInGraalJsAsInNode() throws Exception {
        Path bundle = dir.resolve("engine.js");
        Files.writeString(bundle, TestCores.realBundle());
        assertTrue(replay(bundle, "golden/engine-scenario.json") > 0);
    }

    /** Runs Node on the scenario, replays its transcript in GraalJS; returns how many frames were compared. */
    private int replay(Path bundle, String scenarioResource) throws Exception {
        Path scenario = dir.resolve("scenario.json");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(scenarioResource)) {
            Files.write(scenario, in.readAllBytes());
        }
        Transcript transcript = Transcript.fromNode(bundle, scenario, dir.resolve("transcript.tsv"),
                EngineSession.optionsJson(CONFIG));
        Path data = Files.createDirectories(dir.resolve("data"));
        transcript.writeDocuments(data);

        ManualClock clock = new ManualClock(transcript.startMillis());
        List<String> sent = new ArrayList<>();
        JavaHost host = new JavaHost(clock, CallClock.cpuTime(), Logger.getLogger("golden"), new DocumentStore(data),
                (client, text) -> sent.add(client + "\t" + text), (zone, message) -> {});
        Watchdog watchdog = new Watchdog(CallClock.cpuTime(), Logger.getLogger("golden"), Duration.ofMillis(5));
        int compared = 0;
        int sentSeen = 0;
        try (Engine graal = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
                EngineSession session = EngineSession.load(graal, "engine.js", Files.readString(bundle), host, CONFIG,
                        watchdog, Logger.getLogger("golden"), TimeUnit.SECONDS.toNanos(60), () -> {})) {
            session.budget(TimeUnit.SECONDS.toNanos(60));
            EntityModel world = new EntityModel();
            CommandReply lastReply = null;
            for (int n = 0; n < transcript.lines.size(); n++) {
                String line = transcript.lines.get(n);
                String[] f = line.split("\t", -1);
                String where = "transcript line " + (n + 1) + ": ";
                Transcript.Result result = Transcript.feed(line, session, clock);
                if (result != null) {
                    if (result.diff() != null) {
                        assertNotNull(result.diff().value(), where + "the tick gave no diff");
                        world.apply(result.diff().value(), where);
                    }
                    if (result.reply() != null) lastReply = result.reply();
                } else if (f[0].equals("reply")) {
                    assertEquals(f[1], replyJson(lastReply), where + "command reply");
                } else if (f[0].equals("frame")) {
                    compareFrame(f, session.lastFrame(), where);
                    compared++;
                } else if (f[0].equals("sent")) {
                    assertTrue(sentSeen < sent.size(), where + "Node sent " + line + " but GraalJS did not");
                    assertEquals(line.substring("sent\t".length()), sent.get(sentSeen++), where + "sent frame");
                }
            }
            // The scenarios end with a few steady ticks: by then the diffs have built exactly the frame's zones.
            FrameSnapshot last = session.lastFrame();
            for (int s = 0; s < Math.max(last.slots(), world.zones.size()); s++) {
                ZoneFrame zone = last.frame(s);
                Map<Integer, Integer> entities = world.zones.getOrDefault(s, Map.of());
                assertEquals(zone == null ? 0 : zone.count(), entities.size(), "entities in the world for slot " + s);
                if (zone != null) {
                    for (int kind : entities.values()) assertEquals(zone.kind(), kind, "kind of slot " + s);
                }
            }
            session.dispose();
        }
        assertEquals(sentSeen, sent.size(), "GraalJS sent more frames than Node: " + sent.subList(sentSeen, sent.size()));
        return compared;
    }

    /** The display entities the diffs spawned, by zone slot and index (their kind), checked record by record. */
    private static final class EntityModel {
        final Map<Integer, Map<Integer, Integer>> zones = new HashMap<>();

        void apply(EngineDiff diff, String where) {
            for (int r = 0; r < diff.count(); r++) {
                int io = r * EngineDiff.INT_STRIDE;
                int slot = diff.ints()[io + EngineDiff.I_ZONE];
                int index = diff.ints()[io + EngineDiff.I_ENTITY];
                int flags = diff.ints()[io + EngineDiff.I_FLAGS];
                int kind = diff.ints()[io + EngineDiff.I_KIND];
                String record = where + "record " + r + " (slot " + slot + ", entity " + index + ") ";
                assertTrue(slot < diff.zones().size() && diff.zones().get(slot) != null, record + "has no anchor");
                Map<Integer, Integer> zone = zones.computeIfAbsent(slot, s -> new HashMap<>());
                if ((flags & EngineDiff.REMOVE) != 0) {
                    assertEquals(kind, zone.remove(index), record + "removes what is not there");
                } else if ((flags & EngineDiff.SPAWN) != 0) {
                    assertNull(zone.put(index, kind), record + "spawns over a live entity");
                } else {
                    assertEquals(kind, zone.get(index), record + "updates what is not there");
                }
            }
        }
    }

    /** Compares a {@code frame} line of the transcript (see golden-frames.mjs) with the frame GraalJS gave. */
    private static void compareFrame(String[] f, FrameSnapshot frame, String where) {
        List<ZoneAnchor> anchors = new ArrayList<>();
        for (int s = 0; s < frame.slots(); s++) anchors.add(frame.anchor(s));
        assertEquals(f[1], anchors.stream().map(GoldenFrameIntegrationTest::anchor).collect(Collectors.joining(";")),
                where + "zones");
        assertEquals(f[2], frame.materials().stream().map(JsonText::quote)
                .collect(Collectors.joining(",", "[", "]")), where + "materials");
        assertEquals(f.length - 3, frame.slots(), where + "zone slots");
        for (int s = 0; s < frame.slots(); s++) {
            String slot = where + "slot " + s + " ";
            ZoneFrame zone = frame.frame(s);
            if (f[3 + s].equals("-")) {
                assertNull(zone, slot + "is free in Node");
                continue;
            }
            assertNotNull(zone, slot + "is free in GraalJS");
            String[] groups = f[3 + s].split("/", -1);
            assertEquals(14, groups.length, slot + "groups");
            double[] header = parseDoubles(groups[0]);
            double[] read = {zone.id(), zone.count(), zone.kind(), zone.rotation(), zone.sizeX(), zone.sizeY(),
                zone.sizeZ(), zone.brightness(), zone.dynamicBrightness() ? 1 : 0, zone.interpolation(),
                zone.beatGlow() ? 1 : 0, zone.bandMaterial(0), zone.bandMaterial(1), zone.bandMaterial(2),
                zone.bandMaterial(3), zone.bandMaterial(4)};
            assertEquals(Arrays.toString(header), Arrays.toString(read), slot + "header");
            int n = zone.count();
            List<IntFunction<Float>> floats = List.of(zone::x, zone::y, zone::z, zone::scale, zone::yaw, zone::light);
            for (int g = 0; g < floats.size(); g++) {
                double[] expected = parseDoubles(groups[1 + g]);
                assertEquals(n, expected.length, slot + FIELDS[g] + " length");
                for (int i = 0; i < n; i++) {
                    float e = (float) expected[i];
                    float tolerance = FLOAT_TOLERANCE * Math.max(1, Math.abs(e));
                    assertEquals(e, floats.get(g).apply(i), tolerance, slot + FIELDS[g] + "[" + i + "]");
                }
            }
            List<IntUnaryOperator> ints = List.of(zone::materialOverride, zone::interpolationOverride,
                    zone::visibleOverride, zone::glowOverride, zone::brightnessOverride, zone::band, zone::glow);
            for (int g = 0; g < ints.size(); g++) {
                double[] expected = parseDoubles(groups[7 + g]);
                assertEquals(n, expected.length, slot + FIELDS[6 + g] + " length");
                for (int i = 0; i < n; i++) {
                    assertEquals((int) expected[i], ints.get(g).applyAsInt(i), slot + FIELDS[6 + g] + "[" + i + "]");
                }
            }
        }
    }

    private static String anchor(ZoneAnchor z) {
        if (z == null) return "-";
        return z.name() + "@" + z.world() + ":" + number(z.x()) + "," + number(z.y()) + "," + number(z.z());
    }

    /** Formats like JavaScript's String(number) for the integers and simple decimals anchors use. */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String replyJson(CommandReply reply) {
        return "{\"ok\":" + reply.ok() + ",\"lines\":"
                + reply.lines().stream().map(JsonText::quote).collect(Collectors.joining(",", "[", "]")) + "}";
    }

    private static double[] parseDoubles(String csv) {
        if (csv.isEmpty()) return new double[0];
        String[] parts = csv.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = Double.parseDouble(parts[i]);
        return out;
    }
}
