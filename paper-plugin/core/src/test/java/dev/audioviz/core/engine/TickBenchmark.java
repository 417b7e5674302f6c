package dev.audioviz.core.engine;

import dev.audioviz.core.config.CoreConfig;
import dev.audioviz.core.storage.DocumentStore;
import dev.audioviz.core.testing.ManualClock;
import dev.audioviz.core.world.EngineDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.graalvm.polyglot.Engine;

/**
 * Measures one engine tick in GraalJS (script-thread cost: queue drain, patterns, the frame copied into Java
 * and diffed there) and prints one figure line for tools/bench.mjs. Run by paper-plugin/bench/graal.bench.mjs,
 * which first sets the scene with a scenario transcript (golden-frames.mjs) so the engine has 1024 entities.
 *
 * <p>Usage: {@code TickBenchmark <figure name> <engine.js> <transcript.tsv> <budget ms> [batch]}. With
 * {@code batch} every tick also carries a {@code batch_update} of all 1024 entities (an external renderer's
 * frame, about 170 KB of JSON), so the figure includes parsing and validating it in GraalJS.
 */
public final class TickBenchmark {
    /** Warm-up: at least this many ticks and this long, so the JIT run measures compiled code. */
    private static final int WARMUP_TICKS = 400;
    private static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(15);
    private static final int MEASURED_TICKS = 600;

    private TickBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4 && !(args.length == 5 && args[4].equals("batch"))) {
            System.err.println("usage: TickBenchmark <figure name> <engine.js> <transcript.tsv> <budget ms> [batch]");
            System.exit(2);
        }
        String[] batches = args.length == 5 ? new String[] {batch(0), batch(1)} : null;
        Logger logger = Logger.getLogger("bench");
        logger.setLevel(Level.WARNING);
        Path bundle = Path.of(args[1]);
        Transcript transcript = Transcript.read(Path.of(args[2]));
        Path data = Files.createTempDirectory("audioviz-bench");
        transcript.writeDocuments(data);
        // Must match the options graal.bench.mjs gives golden-frames.mjs when it sets the scene.
        CoreConfig config = CoreConfig.fromMap(Map.of("engine.pattern_budget_ms", 1000, "engine.max_entities_per_zone", 1024));
        ManualClock clock = new ManualClock(transcript.startMillis());
        JavaHost host = new JavaHost(clock, CallClock.cpuTime(), logger, new DocumentStore(data), (c, t) -> {}, (z, m) -> {});
        Watchdog watchdog = new Watchdog(CallClock.cpuTime(), logger, Duration.ofMillis(5));
        try (Engine graal = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
                EngineSession session = EngineSession.load(graal, "engine.js", Files.readString(bundle), host, config,
                        watchdog, logger, TimeUnit.SECONDS.toNanos(120), () -> {})) {
            session.budget(TimeUnit.SECONDS.toNanos(120));
            for (String line : transcript.lines) Transcript.feed(line, session, clock);
            System.err.println("GraalJS runtime: " + graal.getImplementationName());
            long warmupEnd = System.nanoTime() + WARMUP_NANOS;
            int t = 0;
            while (t < WARMUP_TICKS || System.nanoTime() < warmupEnd) tick(session, clock, t++, batches);
            double[] times = new double[MEASURED_TICKS];
            int maxRecords = 0;
            for (int m = 0; m < MEASURED_TICKS; m++) {
                long start = System.nanoTime();
                EngineDiff diff = tick(session, clock, t++, batches);
                times[m] = (System.nanoTime() - start) / 1e6;
                if (diff != null) maxRecords = Math.max(maxRecords, diff.count());
            }
            Arrays.sort(times);
            double median = times[times.length / 2];
            System.err.println(args[0] + ": up to " + maxRecords + " changed entities per tick");
            System.out.println("{\"name\":\"" + args[0] + "\",\"value\":" + Math.round(median * 1000) / 1000.0
                    + ",\"unit\":\"ms\"" + (args[3].equals("null") ? "" : ",\"budget\":" + args[3] + ",\"better\":\"lower\"")
                    + "}");
        }
    }

    /** One server tick as the script thread runs it: this tick's audio frame (and batch), then the engine tick. */
    private static EngineDiff tick(EngineSession session, ManualClock clock, int t, String[] batches) {
        session.enqueue("bench", audioFrame(t));
        if (batches != null) session.enqueue("bench", batches[t % 2]);
        clock.advance(Transcript.TICK);
        return session.tick();
    }

    /** Every entity of the scenario's zone {@code bench} placed by a renderer, moved a little by {@code phase}. */
    private static String batch(int phase) {
        StringBuilder json = new StringBuilder("{\"type\":\"batch_update\",\"zone\":\"bench\",\"entities\":[");
        for (int i = 0; i < 1024; i++) {
            if (i > 0) json.append(',');
            json.append("{\"id\":\"block_").append(i).append("\",\"x\":").append((i % 32) / 32.0)
                    .append(",\"y\":").append(0.5 + 0.4 * Math.sin(i / 10.0 + phase))
                    .append(",\"z\":").append((i / 32) / 32.0)
                    .append(",\"scale\":").append(0.5 + 0.3 * Math.cos(i / 7.0 + phase))
                    .append(",\"rotation\":").append((i * 3 + phase * 40) % 360)
                    .append(",\"band\":").append(i % 5)
                    .append(",\"visible\":true,\"glow\":").append(i % 2 == 0)
                    .append(",\"brightness\":15,\"interpolation\":2}");
        }
        return json.append("]}").toString();
    }

    /** A beat every 30 ticks, bands sweeping, so every pattern has something to react to. */
    private static String audioFrame(int t) {
        double phase = (t % 30) / 30.0;
        double bass = 0.5 + 0.5 * Math.sin(t * 0.21);
        return "{\"type\":\"audio_state\",\"bands\":[" + bass + ",0.4,0.3,0.2,0.1],\"amplitude\":" + (0.3 + 0.5 * bass)
                + ",\"is_beat\":" + (t % 30 == 0) + ",\"beat_intensity\":" + (1 - phase)
                + ",\"bpm\":120,\"tempo_confidence\":0.9,\"beat_phase\":" + phase + "}";
    }
}
