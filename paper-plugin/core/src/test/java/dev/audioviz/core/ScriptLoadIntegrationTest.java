package dev.audioviz.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.audioviz.core.json.JsonText;
import dev.audioviz.core.testing.ManualClock;
import dev.audioviz.core.testing.RecordingDisplayWorld;
import dev.audioviz.core.testing.ServerLoop;
import dev.audioviz.core.testing.TestClient;
import dev.audioviz.core.testing.TestCores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code load_script} over a real :8765 client into the real engine bundle, with the default call budget and no
 * warm-up grace: a script is evaluated cold in the interpreter, far past a tick's budget, so its tick gets a
 * script's budget; an endless script is stopped and answered, and the engine goes on.
 */
class ScriptLoadIntegrationTest {
    @TempDir
    Path data;

    private AudioVizCore core;
    private TestClient client;

    @BeforeEach
    void start() throws Exception {
        core = TestCores.core(data, TestCores.realBundle(),
                TestCores.config(Map.of("engine.warmup_ticks", 0, "socket.token", "secret")),
                new RecordingDisplayWorld(), new ManualClock(1_000_000));
        core.start();
        client = TestClient.connect(core.status().socketPort());
        client.send("{\"type\":\"auth\",\"token\":\"secret\"}");
        ServerLoop.tickUntil(core, () -> client.count("auth_ok") == 1, "auth_ok");
    }

    @AfterEach
    void stop() throws InterruptedException {
        client.closeBlocking();
        core.stop();
    }

    /** Sends a message and ticks until a reply carrying {@code "_seq":seq} arrives; returns it. */
    private String ask(String message, int seq) {
        client.send(message);
        String tag = "\"_seq\":" + seq;
        ServerLoop.tickUntil(core, () -> client.received.stream().anyMatch(m -> m.contains(tag)), "the reply to " + seq);
        return client.received.stream().filter(m -> m.contains(tag)).findFirst().orElseThrow();
    }

    private static String loadScript(String name, String source, int seq) {
        return "{\"type\":\"load_script\",\"name\":\"" + name + "\",\"source\":" + JsonText.quote(source)
                + ",\"_seq\":" + seq + "}";
    }

    @Test
    void loadsAPatternBundleColdWithinTheDefaultBudget() throws Exception {
        Path galaxy = Path.of(System.getProperty("audioviz.engine.bundle.dir", "../../scripts/bundle"))
                .resolve("patterns/galaxy.js");
        String reply = ask(loadScript("galaxy", Files.readString(galaxy), 1), 1);
        assertTrue(reply.contains("\"script_loaded\""), reply);
        assertEquals(0, core.status().interruptedCalls(), "nothing was cut short");
    }

    @Test
    void stopsAnEndlessScriptAnswersItAndGoesOn() {
        String reply = ask(loadScript("spin", "while (true) {}", 2), 2);
        assertTrue(reply.contains("\"SCRIPT_REJECTED\"") && reply.contains("spin"), reply);
        assertEquals(1, core.status().interruptedCalls());
        String patterns = ask("{\"type\":\"list_patterns\",\"_seq\":3}", 3);
        assertTrue(patterns.contains("\"patterns\"") && patterns.contains("\"bars\""), patterns);
    }
}
