package dev.audioviz.standalone.testing;

import dev.audioviz.standalone.StandaloneOptions;
import dev.audioviz.standalone.StandaloneServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Logger;

/** Starts the whole standalone server in-process on free ports with a chosen engine bundle. */
public final class StandaloneHarness {
    private StandaloneHarness() {}

    /** The JS stand-in engine the core's own tests use (one zone "main", audio_state drives its amplitude). */
    public static String fixtureBundle() throws IOException {
        return Files.readString(Path.of("../core/src/test/resources/fixture/engine.js"));
    }

    /** The real engine bundle from `npm run build`, or null when it has not been built. */
    public static String realBundleOrNull() throws IOException {
        Path file = Path.of(System.getProperty("audioviz.engine.bundle.dir", "../../scripts/bundle"), "engine.js");
        return Files.isRegularFile(file) ? Files.readString(file) : null;
    }

    /** Starts a server whose data folder holds {@code bundle} as scripts/engine.js (hot-reloadable). */
    public static StandaloneServer start(Path dataFolder, String bundle) throws IOException {
        Path scripts = Files.createDirectories(dataFolder.resolve("scripts"));
        Files.writeString(scripts.resolve("engine.js"), bundle);
        // A loaded 2-core CI machine runs cold interpreted code slowly: generous budgets keep the engine's first
        // commands and ticks from being interrupted and its patterns from being disabled as overrunning (those
        // budgets are the core's and the engine's to test; here the show must stay on the pattern it was given).
        Files.writeString(dataFolder.resolve(StandaloneOptions.CONFIG_FILE),
                "engine.call_budget_ms=500\nengine.warmup_ticks=2000\nengine.pattern_budget_ms=1000\n");
        StandaloneOptions options = StandaloneOptions.parse(
                new String[] {"--host", "127.0.0.1", "--port", "0", "--socket-port", "0",
                    "--data", dataFolder.toString()},
                Map.of());
        return StandaloneServer.start(options, Logger.getLogger("audioviz-standalone-test"));
    }
}
