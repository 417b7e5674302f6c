package dev.audioviz.standalone.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real Minecraft client (Node, minecraft-protocol; src/test/js/watch-entities.cjs) joined to a server under
 * test. Records the JSON events it prints: entity spawns, metadata, destroys, chat lines.
 */
public final class ProtocolClient implements AutoCloseable {
    /** The client script, relative to the standalone module (Surefire's working directory). */
    private static final Path SCRIPT = Path.of("src/test/js/watch-entities.cjs");

    private final Process process;
    private final Writer stdin;
    /** Guarded by itself; appended by the reader thread. */
    private final List<JsonObject> events = new ArrayList<>();
    private final boolean keepMetadata;
    private volatile long metadataCount;
    private final StringBuilder stderr = new StringBuilder();

    private ProtocolClient(Process process, boolean keepMetadata) {
        this.process = process;
        this.keepMetadata = keepMetadata;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread out = new Thread(() -> read(new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true), "mc-client-out");
        Thread err = new Thread(() -> read(new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false), "mc-client-err");
        out.setDaemon(true);
        err.setDaemon(true);
        out.start();
        err.start();
    }

    /** Starts the client against 127.0.0.1:{@code port} and waits until it is in the world. */
    public static ProtocolClient join(int port, String username) throws IOException {
        return join(port, username, true);
    }

    /**
     * Like {@link #join(int, String)}; with {@code keepMetadata} false, metadata events are only counted
     * ({@link #metadataCount()}), so a long benchmark does not hoard them.
     */
    public static ProtocolClient join(int port, String username, boolean keepMetadata) throws IOException {
        if (!Files.isRegularFile(SCRIPT)) throw new AssertionError(SCRIPT.toAbsolutePath() + " is missing");
        ProcessBuilder builder = new ProcessBuilder("node", SCRIPT.toString(), "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--username", username);
        ProtocolClient client = new ProtocolClient(builder.start(), keepMetadata);
        client.await(e -> is(e, "joined"), "the client to join (run `npm ci` at the repository root if"
                + " minecraft-protocol is missing)");
        return client;
    }

    private void read(BufferedReader reader, boolean json) {
        try (reader) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!json) {
                    synchronized (stderr) {
                        if (stderr.length() < 8000) stderr.append(line).append('\n');
                    }
                    continue;
                }
                try {
                    JsonElement parsed = JsonParser.parseString(line);
                    if (parsed.isJsonObject()) record(parsed.getAsJsonObject());
                } catch (RuntimeException e) {
                    synchronized (stderr) {
                        stderr.append("unparsed: ").append(line).append('\n');
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private void record(JsonObject event) {
        if (is(event, "metadata")) {
            metadataCount++;
            if (!keepMetadata) return;
        }
        synchronized (events) {
            events.add(event);
        }
    }

    /** Metadata events received so far (kept or not). */
    public long metadataCount() {
        return metadataCount;
    }

    /** Every event so far (a snapshot). */
    public List<JsonObject> events() {
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }

    /** Events so far that match. */
    public List<JsonObject> events(Predicate<JsonObject> filter) {
        synchronized (events) {
            return events.stream().filter(filter).toList();
        }
    }

    /** Waits until some event matches and returns the first that does. */
    public JsonObject await(Predicate<JsonObject> filter, String what) {
        Waits.until(() -> !events(filter).isEmpty() || !process.isAlive(), what, this::state);
        return events(filter).stream().findFirst().orElseThrow(() -> new AssertionError(
                "the client exited before " + what + "; " + state()));
    }

    /** Sends a chat line or command ("/audioviz status") as the player. */
    public void chat(String text) throws IOException {
        stdin.write("chat " + text + "\n");
        stdin.flush();
    }

    /** True when {@code event} has {@code "event": name}. */
    public static boolean is(JsonObject event, String name) {
        return event.has("event") && event.get("event").getAsString().equals(name);
    }

    /** What the client has seen, for failure messages. */
    public String state() {
        List<JsonObject> all = events();
        long spawns = all.stream().filter(e -> is(e, "spawn")).count();
        long metadata = all.stream().filter(e -> is(e, "metadata")).count();
        String tail = all.subList(Math.max(0, all.size() - 5), all.size()).toString();
        synchronized (stderr) {
            return "client " + (process.isAlive() ? "running" : "exited") + ", " + all.size() + " events ("
                    + spawns + " spawns, " + metadata + " metadata), last: " + tail
                    + (stderr.isEmpty() ? "" : ", stderr: " + stderr);
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            stdin.write("quit\n");
            stdin.flush();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
