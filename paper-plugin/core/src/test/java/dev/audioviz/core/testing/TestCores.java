package dev.audioviz.core.testing;

import dev.audioviz.core.AudioVizCore;
import dev.audioviz.core.config.CoreConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/** Builds cores for tests: a temp data folder with the JS fixture bundle (or the real one), port 0. */
public final class TestCores {
    private TestCores() {}

    /** The fixture engine bundle's source (src/test/resources/fixture/engine.js). */
    public static String fixtureBundle() throws IOException {
        try (InputStream in = TestCores.class.getResourceAsStream("/fixture/engine.js")) {
            if (in == null) throw new IOException("fixture/engine.js missing from test resources");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The real bundle from `npm run build`; fails the test with what to run when it is missing. */
    public static String realBundle() throws IOException {
        Path dir = Path.of(System.getProperty("audioviz.engine.bundle.dir", "../../scripts/bundle"));
        Path file = dir.resolve("engine.js");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("the real engine bundle " + file.toAbsolutePath()
                    + " is missing: run `npm run build -- --no-java` first");
        }
        return Files.readString(file);
    }

    /** A config for tests: port 0, loopback, optional overrides as flat keys. */
    public static CoreConfig config(Map<String, Object> overrides) {
        Map<String, Object> map = new HashMap<>();
        map.put("socket.port", 0);
        map.put("engine.tick_delay_ms", 0); // tests drive ticks back to back
        map.putAll(overrides);
        return CoreConfig.fromMap(map);
    }

    /** A core whose data folder's scripts/engine.js is {@code bundle}. Not started. */
    public static AudioVizCore core(
            Path dataFolder, String bundle, CoreConfig config, RecordingDisplayWorld world, InstantSource clock)
            throws IOException {
        Path scripts = Files.createDirectories(dataFolder.resolve("scripts"));
        Files.writeString(scripts.resolve("engine.js"), bundle);
        return new AudioVizCore(config, world, Logger.getLogger("audioviz-test"), dataFolder, clock,
                AudioVizCore.SERVER_TYPE_STANDALONE);
    }
}
