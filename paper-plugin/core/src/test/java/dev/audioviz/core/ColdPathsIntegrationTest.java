package dev.audioviz.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.audioviz.core.command.CommandReply;
import dev.audioviz.core.command.CommandSenderInfo;
import dev.audioviz.core.json.JsonText;
import dev.audioviz.core.testing.ManualClock;
import dev.audioviz.core.testing.RecordingDisplayWorld;
import dev.audioviz.core.testing.ServerLoop;
import dev.audioviz.core.testing.TestClient;
import dev.audioviz.core.testing.TestCores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real engine bundle with the default call budget and no warm-up grace, driven over a real :8765 client:
 * a script is evaluated cold in the interpreter, far past a tick's budget, so its tick gets a script's budget;
 * an endless script is stopped and answered, and the engine goes on; and the first command or batch of its
 * kind is never cut short: the bundle's rehearsal at load warms its path, and the first call of each kind gets
 * the warm-up budget, since on a slow machine even a rehearsed path's first real call can take longer than 20 ms.
 */
class ColdPathsIntegrationTest {
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

    @Test
    void theFirstCommandsAndBatchOfTheirKindAreNotCutShort() throws Exception {
        for (List<String> args : List.of(List.of("zone", "create", "stage", "arena", "world", "0", "64", "0"),
                List.of("pool", "init", "stage", "64"), List.of("pattern", "set", "galaxy", "stage"))) {
            CompletableFuture<CommandReply> reply = core.command(CommandSenderInfo.console(), args);
            ServerLoop.tickUntil(core, reply::isDone, "the reply to " + args);
            assertTrue(reply.get().ok(), args + ": " + reply.get().lines());
        }
        StringBuilder batch = new StringBuilder("{\"type\":\"batch_update\",\"zone\":\"stage\",\"_seq\":4,\"entities\":[");
        for (int i = 0; i < 64; i++) {
            batch.append(i > 0 ? "," : "").append("{\"id\":\"block_").append(i)
                    .append("\",\"x\":0.5,\"y\":0.2,\"z\":0.5,\"scale\":0.5,\"brightness\":9}");
        }
        String reply = ask(batch.append("]}").toString(), 4);
        assertTrue(reply.contains("\"batch_updated\"") && reply.contains("\"updated\":64"), reply);
        assertEquals(0, core.status().interruptedCalls(), "nothing was cut short");
    }
}
