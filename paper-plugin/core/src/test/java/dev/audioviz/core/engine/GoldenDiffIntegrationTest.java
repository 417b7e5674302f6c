package dev.audioviz.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same bundle, the same inputs: GraalJS must produce what Node produces. src/test/node/golden-diffs.mjs
 * runs the scenario in Node and writes a transcript of inputs and outputs; this test replays the inputs through
 * the Java host and compares every diff, reply and sent frame (floats within a few ulps, because V8 and
 * GraalJS may round Math.sin and friends differently in the last bit).
 */
class GoldenDiffIntegrationTest {
    /** Pattern budget high enough that interpreter speed never changes what the engine does. */
    private static final CoreConfig CONFIG = TestCores.config(Map.of("engine.pattern_budget_ms", 1000));
    private static final float FLOAT_TOLERANCE = 1e-5f;

    @TempDir
    Path dir;

    @Test
    void theFixtureBundleGivesTheSameOutputInGraalJsAsInNode() throws Exception {
        Path bundle = dir.resolve("fixture.js");
        Files.writeString(bundle, TestCores.fixtureBundle());
        int diffs = replay(bundle, "golden/fixture-scenario.json");
        assertEquals(22, diffs);
    }

    @Test
    void theRealEngineBundleGivesTheSameOutputInGraalJsAsInNode() throws Exception {
        Path bundle = dir.resolve("engine.js");
        Files.writeString(bundle, TestCores.realBundle());
        assertTrue(replay(bundle, "golden/engine-scenario.json") > 0);
    }

    /** Runs Node on the scenario, replays its transcript in GraalJS; returns how many diffs were compared. */
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
        JavaHost host = new JavaHost(clock, Logger.getLogger("golden"), new DocumentStore(data),
                (client, text) -> sent.add(client + "\t" + text), (zone, message) -> {});
        Watchdog watchdog = new Watchdog(System::nanoTime, Logger.getLogger("golden"), Duration.ofMillis(5));
        int compared = 0;
        int sentSeen = 0;
        try (Engine graal = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
                EngineSession session = EngineSession.load(graal, "engine.js", Files.readString(bundle), host, CONFIG,
                        watchdog, Logger.getLogger("golden"), TimeUnit.SECONDS.toNanos(60), () -> {})) {
            session.budget(TimeUnit.SECONDS.toNanos(60));
            EngineDiff lastDiff = null;
            CommandReply lastReply = null;
            for (int n = 0; n < transcript.lines.size(); n++) {
                String line = transcript.lines.get(n);
                String[] f = line.split("\t", -1);
                String where = "transcript line " + (n + 1) + ": ";
                Transcript.Result result = Transcript.feed(line, session, clock);
                if (result != null) {
                    if (result.diff() != null) lastDiff = result.diff().value();
                    if (result.reply() != null) lastReply = result.reply();
                } else if (f[0].equals("reply")) {
                    assertEquals(f[1], replyJson(lastReply), where + "command reply");
                } else if (f[0].equals("diff")) {
                    compareDiff(f, lastDiff, where);
                    compared++;
                } else if (f[0].equals("sent")) {
                    assertTrue(sentSeen < sent.size(), where + "Node sent " + line + " but GraalJS did not");
                    assertEquals(line.substring("sent\t".length()), sent.get(sentSeen++), where + "sent frame");
                }
            }
            session.dispose();
        }
        assertEquals(sentSeen, sent.size(), "GraalJS sent more frames than Node: " + sent.subList(sentSeen, sent.size()));
        return compared;
    }

    private static void compareDiff(String[] f, EngineDiff diff, String where) {
        int count = Integer.parseInt(f[1]);
        assertEquals(count, diff.count(), where + "record count");
        int[] ints = parseInts(f[2]);
        for (int i = 0; i < ints.length; i++) assertEquals(ints[i], diff.ints()[i], where + "int " + i);
        float[] floats = parseFloats(f[3]);
        for (int i = 0; i < floats.length; i++) {
            float tolerance = FLOAT_TOLERANCE * Math.max(1, Math.abs(floats[i]));
            assertEquals(floats[i], diff.floats()[i], tolerance, where + "float " + i);
        }
        assertEquals(f[4], diff.zones().stream().map(GoldenDiffIntegrationTest::anchor)
                .collect(Collectors.joining(";")), where + "zones");
        assertEquals(f[5], diff.materials().stream().map(JsonText::quote)
                .collect(Collectors.joining(",", "[", "]")), where + "materials");
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

    private static int[] parseInts(String csv) {
        if (csv.isEmpty()) return new int[0];
        String[] parts = csv.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = Integer.parseInt(parts[i]);
        return out;
    }

    private static float[] parseFloats(String csv) {
        if (csv.isEmpty()) return new float[0];
        String[] parts = csv.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = parts[i].equals("NaN") ? Float.NaN : Float.parseFloat(parts[i]);
        return out;
    }
}
