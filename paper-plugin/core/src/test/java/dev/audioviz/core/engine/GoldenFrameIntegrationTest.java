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
 * differently in the last bit; integers and header numbers exactly). It also holds the look the preview
 * shows ({@code engine.zoneEntities}, the transcript's {@code look} lines) against the display entities the diffs
 * built: scale, brightness, glow and material must agree, so the hub's preview shows what players see. The
 * transcript names the bundle's frame fields, which must be {@link ZoneFrame#FIELDS}.
 */
class GoldenFrameIntegrationTest {
    /** Pattern budget high enough that interpreter speed never changes what the engine does. */
    private static final CoreConfig CONFIG = TestCores.config(Map.of("engine.pattern_budget_ms", 1000));
    private static final float FLOAT_TOLERANCE = 1e-5f;

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
        int looks = 0;
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
                } else if (f[0].equals("layout")) {
                    assertEquals(f[1], String.join(",", ZoneFrame.FIELDS), where + "the bundle's frame fields");
                } else if (f[0].equals("frame")) {
                    compareFrame(f, session.lastFrame(), where);
                    compared++;
                } else if (f[0].equals("look")) {
                    world.compareLook(f, session.lastFrame().materials(), where);
                    if (!f[2].isEmpty()) looks++;
                } else if (f[0].equals("sent")) {
                    assertTrue(sentSeen < sent.size(), where + "Node sent " + line + " but GraalJS did not");
                    assertEquals(line.substring("sent\t".length()), sent.get(sentSeen++), where + "sent frame");
                }
            }
            // The scenarios end with a few steady ticks: by then the diffs have built exactly the frame's zones.
            FrameSnapshot last = session.lastFrame();
            for (int s = 0; s < Math.max(last.slots(), world.zones.size()); s++) {
                ZoneFrame zone = last.frame(s);
                Map<Integer, Entity> entities = world.zones.getOrDefault(s, Map.of());
                assertEquals(zone == null ? 0 : zone.count(), entities.size(), "entities in the world for slot " + s);
                if (zone != null) {
                    for (Entity e : entities.values()) assertEquals(zone.kind(), e.kind, "kind of slot " + s);
                }
            }
            if (looks > 0) assertTrue(world.lookedAt > 0, "no visible entity's look was compared");
            session.dispose();
        }
        assertEquals(sentSeen, sent.size(), "GraalJS sent more frames than Node: " + sent.subList(sentSeen, sent.size()));
        return compared;
    }

    /** One display entity as the diffs left it. */
    private static final class Entity {
        final int kind;
        /** The diff that spawned it (it is shown at scale 0 until the next transform). */
        final int spawnedIn;
        float scale;
        int brightness;
        int glowColor;
        int material;

        Entity(int kind, int spawnedIn) {
            this.kind = kind;
            this.spawnedIn = spawnedIn;
        }
    }

    /** The display entities the diffs spawned, by zone slot and index, checked record by record. */
    private static final class EntityModel {
        final Map<Integer, Map<Integer, Entity>> zones = new HashMap<>();
        /** Diffs applied so far. */
        int diffs;
        /** Visible entities whose look was compared. */
        int lookedAt;

        void apply(EngineDiff diff, String where) {
            diffs++;
            for (int r = 0; r < diff.count(); r++) {
                int io = r * EngineDiff.INT_STRIDE;
                int slot = diff.ints()[io + EngineDiff.I_ZONE];
                int index = diff.ints()[io + EngineDiff.I_ENTITY];
                int flags = diff.ints()[io + EngineDiff.I_FLAGS];
                int kind = diff.ints()[io + EngineDiff.I_KIND];
                String record = where + "record " + r + " (slot " + slot + ", entity " + index + ") ";
                assertTrue(slot < diff.zones().size() && diff.zones().get(slot) != null, record + "has no anchor");
                Map<Integer, Entity> zone = zones.computeIfAbsent(slot, s -> new HashMap<>());
                if ((flags & EngineDiff.REMOVE) != 0) {
                    Entity gone = zone.remove(index);
                    assertNotNull(gone, record + "removes what is not there");
                    assertEquals(kind, gone.kind, record + "removes another kind");
                    continue;
                }
                Entity e;
                if ((flags & EngineDiff.SPAWN) != 0) {
                    assertNull(zone.get(index), record + "spawns over a live entity");
                    zone.put(index, e = new Entity(kind, diffs));
                } else {
                    e = zone.get(index);
                    assertNotNull(e, record + "updates what is not there");
                    assertEquals(kind, e.kind, record + "updates another kind");
                }
                if ((flags & EngineDiff.TRANSFORM) != 0) e.scale = diff.floats()[r * EngineDiff.FLOAT_STRIDE + EngineDiff.F_SCALE];
                if ((flags & EngineDiff.BRIGHTNESS) != 0) e.brightness = diff.ints()[io + EngineDiff.I_BRIGHTNESS];
                if ((flags & EngineDiff.GLOW) != 0) e.glowColor = diff.ints()[io + EngineDiff.I_GLOW_COLOR];
                if ((flags & EngineDiff.MATERIAL) != 0) e.material = diff.ints()[io + EngineDiff.I_MATERIAL];
            }
        }

        /**
         * Compares a {@code look} line (the preview's entities of one slot) with the world: every entity spawned
         * before this tick has the preview's scale within the differ's step, and a visible one its brightness,
         * glow (a glow colour, or none) and material.
         */
        void compareLook(String[] f, List<String> materials, String where) {
            int slot = Integer.parseInt(f[1]);
            Map<Integer, Entity> zone = zones.getOrDefault(slot, Map.of());
            String[] entities = f[2].isEmpty() ? new String[0] : f[2].split(";", -1);
            for (int i = 0; i < entities.length; i++) {
                Entity e = zone.get(i);
                if (e == null || e.spawnedIn == diffs) continue;
                String[] look = entities[i].split(",", -1);
                String at = where + "slot " + slot + " entity " + i + " ";
                double scale = Double.parseDouble(look[0]);
                assertEquals(scale, e.scale, FrameDiffer.SCALE_STEP + 1e-4, at + "scale");
                if (scale == 0 || e.scale == 0) continue;
                lookedAt++;
                assertEquals(Integer.parseInt(look[1]), e.brightness, at + "brightness");
                assertEquals(look[2].equals("1"), e.glowColor >= 0, at + "glow");
                assertEquals(look[4], materials.get(e.material), at + "material");
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
            assertEquals(1 + ZoneFrame.FIELDS.length, groups.length, slot + "groups");
            double[] header = parseDoubles(groups[0]);
            double[] read = {zone.id(), zone.count(), zone.kind(), zone.rotation(), zone.sizeX(), zone.sizeY(),
                zone.sizeZ()};
            assertEquals(Arrays.toString(header), Arrays.toString(read), slot + "header");
            int n = zone.count();
            Map<String, IntFunction<Float>> floats = Map.of("x", zone::x, "y", zone::y, "z", zone::z,
                    "scale", zone::scale, "yaw", zone::yaw);
            Map<String, IntUnaryOperator> ints = Map.of("glowColor", zone::glowColor, "material", zone::material,
                    "interpolation", zone::interpolation, "brightness", zone::brightness);
            for (int g = 0; g < ZoneFrame.FIELDS.length; g++) {
                String name = ZoneFrame.FIELDS[g].split(":")[0];
                double[] expected = parseDoubles(groups[1 + g]);
                assertEquals(n, expected.length, slot + name + " length");
                for (int i = 0; i < n; i++) {
                    String field = slot + name + "[" + i + "]";
                    if (floats.containsKey(name)) {
                        float e = (float) expected[i];
                        assertEquals(e, floats.get(name).apply(i), FLOAT_TOLERANCE * Math.max(1, Math.abs(e)), field);
                    } else {
                        assertEquals((int) expected[i], ints.get(name).applyAsInt(i), field);
                    }
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
