package dev.audioviz.core.engine;

import dev.audioviz.core.command.CommandReply;
import dev.audioviz.core.command.CommandSenderInfo;
import dev.audioviz.core.testing.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A transcript written by src/test/node/golden-frames.mjs: the inputs a scenario fed the engine in Node and
 * what came out. {@link #feed} replays one input line into a session; outputs are left to the caller.
 */
final class Transcript {
    /** Host clock step per tick, as in golden-frames.mjs. */
    static final Duration TICK = Duration.ofMillis(50);

    final List<String> lines;

    private Transcript(List<String> lines) {
        this.lines = lines;
    }

    static Transcript read(Path file) throws IOException {
        return new Transcript(Files.readAllLines(file));
    }

    /** The host clock at the start, ms. */
    long startMillis() {
        return Long.parseLong(lines.get(0).split("\t")[1]);
    }

    /** Writes the documents the Node host held into {@code folder} as the DocumentStore expects them. */
    void writeDocuments(Path folder) throws IOException {
        for (String line : lines) {
            String[] f = line.split("\t", 3);
            if (f[0].equals("doc")) Files.writeString(folder.resolve(f[1] + ".json"), f[2]);
        }
    }

    /** What one input line produced. */
    record Result(EngineDiffHolder diff, CommandReply reply) {}

    /** Holder so a null diff (interrupted tick) is distinguishable from "not a tick". */
    record EngineDiffHolder(dev.audioviz.core.world.EngineDiff value) {}

    /** Replays an input line (connect, enqueue, command, tick); returns null for output lines. */
    static Result feed(String line, EngineSession session, ManualClock clock) {
        String[] f = line.split("\t", -1);
        switch (f[0]) {
            case "connect" -> session.clientConnected(f[1], Boolean.parseBoolean(f[2]));
            case "enqueue" -> session.enqueue(f[1], line.substring(f[0].length() + f[1].length() + 2));
            case "command" -> {
                return new Result(null, session.command(sender(f[1]), args(f[2])));
            }
            case "tick" -> {
                clock.advance(TICK);
                return new Result(new EngineDiffHolder(session.tick()), null);
            }
            default -> {
                return null;
            }
        }
        return new Result(null, null);
    }

    /**
     * The sender of a command line. Scenarios use senders without a location whose permissions are among
     * {@link CommandSenderInfo#PERMISSIONS}; this reads exactly that shape.
     */
    private static CommandSenderInfo sender(String json) {
        String name = json.replaceAll(".*\"name\":\"([^\"]*)\".*", "$1");
        List<String> permissions = new ArrayList<>();
        for (String p : CommandSenderInfo.PERMISSIONS) if (json.contains("\"" + p + "\"")) permissions.add(p);
        return new CommandSenderInfo(name, permissions, null);
    }

    /** Command arguments of a scenario: a JSON array of plain strings without commas or quotes. */
    private static List<String> args(String json) {
        String inner = json.substring(1, json.length() - 1).trim();
        if (inner.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        for (String part : inner.split(",")) out.add(part.trim().replaceAll("^\"|\"$", ""));
        return out;
    }

    /** Runs golden-frames.mjs on a scenario; returns the transcript. */
    static Transcript fromNode(Path bundle, Path scenario, Path out, String optionsJson)
            throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("audioviz.golden.script", "src/test/node/golden-frames.mjs"));
        Process node = new ProcessBuilder("node", script.toAbsolutePath().toString(), bundle.toString(),
                scenario.toString(), out.toString(), optionsJson).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!node.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || node.exitValue() != 0) {
            throw new IOException("node golden-frames.mjs failed (is Node 20 on the PATH?):\n" + output);
        }
        return read(out);
    }
}
