package dev.audioviz.core.engine;

import dev.audioviz.core.command.CommandReply;
import dev.audioviz.core.command.CommandSenderInfo;
import dev.audioviz.core.config.CoreConfig;
import dev.audioviz.core.json.JsonText;
import dev.audioviz.core.world.EngineDiff;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * One evaluated engine bundle: a sandboxed {@link Context} (no host access, no IO, no threads, no processes)
 * on the shared {@link Engine}, and the JS engine object created in it. Every call is guarded by the
 * {@link Watchdog}; the engine never throws past this class (scripts/src/engine-api.ts), and an interrupted
 * call reports {@code interrupted()} to the engine. Used on the script thread only.
 */
final class EngineSession implements AutoCloseable {
    /** Adapts JSON text from Java to the engine's object arguments, so no Java object enters the context. */
    private static final String GLUE = """
            (function () {
              const api = globalThis.AudioVizEngine;
              if (!api || typeof api.createEngine !== 'function') {
                throw new Error('the bundle did not set globalThis.AudioVizEngine = { createEngine, ENGINE_VERSION }');
              }
              return {
                version: String(api.ENGINE_VERSION),
                rehearse: typeof api.rehearse === 'function' ? api.rehearse : null,
                create: (host, options) => api.createEngine(host, JSON.parse(options)),
                command: (engine, sender, args) => engine.command(JSON.parse(sender), JSON.parse(args)),
                complete: (engine, sender, args) => engine.complete(JSON.parse(sender), JSON.parse(args)),
              };
            })()
            """;

    private final Context context;
    private final Value glue;
    private final Value engine;
    private final Watchdog watchdog;
    private final Logger logger;
    private final FrameCopier copier = new FrameCopier();
    /** What this engine's entities in the world look like (a new engine starts from an empty world). */
    private final FrameDiffer differ = new FrameDiffer();
    /** The last malformed-frame message logged (repeats are not logged again until a good frame). */
    private String lastFrameError;
    private FrameSnapshot lastFrame;
    private long budgetNanos;
    private boolean dead;

    private EngineSession(Context context, Value glue, Value engine, Watchdog watchdog, Logger logger) {
        this.context = context;
        this.glue = glue;
        this.engine = engine;
        this.watchdog = watchdog;
        this.logger = logger;
    }

    /**
     * Evaluates a bundle and creates its engine.
     *
     * @param loadBudgetNanos time allowed for evaluating the bundle and creating the engine
     * @param beforeCreate runs once the bundle evaluated, just before {@code createEngine} (the caller lets the
     *     old engine save its documents there, so a bundle that does not even evaluate leaves it untouched)
     * @throws ScriptLoadException with a readable reason when the bundle does not load
     */
    static EngineSession load(
            Engine shared,
            String bundleName,
            String bundleSource,
            JavaHost host,
            CoreConfig config,
            Watchdog watchdog,
            Logger logger,
            long loadBudgetNanos,
            Runnable beforeCreate)
            throws ScriptLoadException {
        Context context = Context.newBuilder("js")
                .engine(shared)
                .allowHostAccess(HostAccess.NONE)
                .allowHostClassLookup(name -> false)
                .allowIO(IOAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .out(OutputStream.nullOutputStream()) // the engine logs through host.log
                .err(OutputStream.nullOutputStream())
                .build();
        try {
            watchdog.guard(context, "load " + bundleName, loadBudgetNanos);
            try {
                context.eval(Source.newBuilder("js", bundleSource, bundleName).buildLiteral());
                Value glue = context.eval("js", GLUE);
                rehearse(glue, bundleName, logger);
                beforeCreate.run();
                Value engine = glue.getMember("create").execute(host.toProxy(), optionsJson(config));
                return new EngineSession(context, glue, engine, watchdog, logger);
            } finally {
                watchdog.release();
            }
        } catch (PolyglotException e) {
            context.close(true);
            String reason = watchdog.fired() ? "it ran longer than " + loadBudgetNanos / 1_000_000 + " ms" : describe(e);
            throw new ScriptLoadException(bundleName + " did not load: " + reason, e);
        } catch (RuntimeException e) {
            context.close(true);
            throw new ScriptLoadException(bundleName + " did not load: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the bundle's dress rehearsal (scripts/src/rehearsal.ts), if it has one, so the live engine starts with
     * warm code paths and its per-call budget stops only runaway code. Part of the load, under its budget.
     */
    private static void rehearse(Value glue, String bundleName, Logger logger) {
        Value rehearse = glue.getMember("rehearse");
        if (rehearse.isNull()) return;
        long started = System.nanoTime();
        Value report = rehearse.execute();
        long ms = (System.nanoTime() - started) / 1_000_000;
        logger.info("AudioViz engine from " + bundleName + " rehearsed every command, message and pattern in " + ms
                + " ms (" + report.getMember("calls").asInt() + " calls), so its first real calls run warm");
        for (String failure : strings(report.getMember("failures"))) {
            logger.warning("AudioViz engine rehearsal: " + failure);
        }
    }

    /** The {@code EngineOptions} (scripts/src/engine-api.ts) handed to {@code createEngine}, as JSON. */
    static String optionsJson(CoreConfig config) {
        return "{\"queueCapacity\":" + config.queueCapacity()
                + ",\"maxEntitiesPerZone\":" + config.maxEntitiesPerZone()
                + ",\"patternBudgetMs\":" + config.patternBudgetMs()
                + ",\"seed\":" + config.seed() + "}";
    }

    /** The bundle's {@code ENGINE_VERSION}. */
    String version() {
        return glue.getMember("version").asString();
    }

    /** Budget for each following call, ns. */
    void budget(long nanos) {
        budgetNanos = nanos;
    }

    /** False once the context had to be closed; the owner recreates the session. */
    boolean alive() {
        return !dead;
    }

    void enqueue(String clientId, String text) {
        call("enqueue", () -> engine.invokeMember("enqueue", clientId, text), null);
    }

    void clientConnected(String clientId, boolean trusted) {
        call("clientConnected", () -> engine.invokeMember("clientConnected", clientId, trusted), null);
    }

    void clientDisconnected(String clientId) {
        call("clientDisconnected", () -> engine.invokeMember("clientDisconnected", clientId), null);
    }

    /**
     * One engine tick: the engine's frame, copied out, diffed against what the world shows. Null when the tick
     * was interrupted or failed, returned no frame (null), or its frame was malformed: nothing to apply, and the
     * differ is unchanged.
     */
    EngineDiff tick() {
        FrameSnapshot frame;
        try {
            frame = call("tick", () -> {
                Value result = engine.invokeMember("tick");
                // A script may catch the watchdog's interrupt and return anyway: that tick still counts as cut short.
                if (watchdog.fired() || result.isNull()) return null;
                return copier.copy(result);
            }, null);
        } catch (IllegalStateException e) {
            if (!Objects.equals(e.getMessage(), lastFrameError)) {
                logger.warning(e.getMessage() + "; the tick is skipped");
            }
            lastFrameError = e.getMessage();
            return null;
        }
        if (frame == null) return null;
        lastFrameError = null;
        lastFrame = frame;
        // Plain Java from here: once the frame is read, the diff is always produced.
        return differ.diff(frame);
    }

    /** The frame the last successful {@link #tick} diffed (reused by the next tick); for tests. */
    FrameSnapshot lastFrame() {
        return lastFrame;
    }

    CommandReply command(CommandSenderInfo sender, List<String> args) {
        CommandReply reply = call("command", () -> {
            Value r = glue.getMember("command").execute(engine, senderJson(sender), arrayJson(args));
            return new CommandReply(r.getMember("ok").asBoolean(), strings(r.getMember("lines")));
        }, null);
        return reply != null ? reply : CommandReply.failed("The engine did not answer in time; try again.");
    }

    List<String> complete(CommandSenderInfo sender, List<String> args) {
        List<String> result = call("complete", () -> strings(
                glue.getMember("complete").execute(engine, senderJson(sender), arrayJson(args))), null);
        return result != null ? result : List.of();
    }

    /** Loads or replaces a pattern; returns the engine's error message, or null when it loaded. */
    String loadPattern(String name, String source) {
        return call("loadPatternSource " + name, () -> {
            Value r = engine.invokeMember("loadPatternSource", name, source);
            return r.isNull() ? null : r.asString();
        }, "it ran longer than the call budget");
    }

    /** The engine's {@code status()} members as plain values. */
    EngineStatusView status() {
        return call("status", () -> {
            Value s = engine.invokeMember("status");
            return new EngineStatusView(
                    s.getMember("zones").asInt(),
                    s.getMember("entities").asInt(),
                    s.getMember("queueLength").asInt(),
                    s.getMember("droppedMessages").asLong(),
                    s.getMember("ticks").asLong(),
                    strings(s.getMember("disabledPatterns")));
        }, null);
    }

    /** Lets the engine save its documents; the session is unusable afterwards. */
    void dispose() {
        call("dispose", () -> engine.invokeMember("dispose"), null);
    }

    @Override
    public void close() {
        dead = true;
        try {
            context.close(true);
        } catch (RuntimeException e) {
            // already closed by the watchdog
        }
    }

    /** Runs one guarded call; returns {@code fallback} when the call overran, threw or the context died. */
    private <T> T call(String name, Supplier<T> body, T fallback) {
        if (dead) return fallback;
        watchdog.guard(context, name, budgetNanos);
        try {
            T result = body.get();
            if (watchdog.fired()) {
                // The script caught the interrupt and returned (the engine logs what it caught): the call was
                // still cut short, and the engine must hear of it like any interrupted call.
                watchdog.release();
                Thread.interrupted();
                reportInterrupted(name);
            }
            return result;
        } catch (PolyglotException e) {
            Thread.interrupted();
            if (e.isCancelled() || watchdog.cancelled()) {
                dead = true;
                logger.severe("the engine was stopped during " + name + " and will restart from its bundle");
            } else if (e.isInterrupted() || watchdog.fired()) {
                watchdog.release();
                reportInterrupted(name);
            } else {
                logger.warning("engine " + name + " failed: " + describe(e));
            }
            return fallback;
        } finally {
            watchdog.release();
            // Context.interrupt also sets the thread's interrupt flag to wake blocking calls; left set, it would
            // fail the next call ("Thread was interrupted").
            Thread.interrupted();
        }
    }

    /** Tells the engine a call was cut short, so the pattern that was running counts an overrun. */
    private void reportInterrupted(String name) {
        logger.warning("engine " + name + " was interrupted after running over its budget");
        watchdog.guard(context, "interrupted", budgetNanos);
        try {
            engine.invokeMember("interrupted");
        } catch (PolyglotException e) {
            if (e.isCancelled()) dead = true;
            logger.warning("engine interrupted() failed: " + describe(e));
        } finally {
            watchdog.release();
            Thread.interrupted();
        }
    }

    private static String describe(PolyglotException e) {
        String where = e.getSourceLocation() != null
                ? " (" + e.getSourceLocation().getSource().getName() + ":" + e.getSourceLocation().getStartLine() + ")"
                : "";
        return e.getMessage() + where;
    }

    private static List<String> strings(Value array) {
        List<String> out = new ArrayList<>((int) array.getArraySize());
        for (long i = 0; i < array.getArraySize(); i++) out.add(array.getArrayElement(i).asString());
        return List.copyOf(out);
    }

    private static String arrayJson(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) out.append(',');
            out.append(JsonText.quote(values.get(i)));
        }
        return out.append(']').toString();
    }

    private static String senderJson(CommandSenderInfo sender) {
        String location = "null";
        CommandSenderInfo.Location l = sender.location();
        if (l != null) {
            location = "{\"world\":" + JsonText.quote(l.world()) + ",\"x\":" + l.x() + ",\"y\":" + l.y() + ",\"z\":"
                    + l.z() + ",\"yaw\":" + l.yaw() + "}";
        }
        return "{\"name\":" + JsonText.quote(sender.name()) + ",\"permissions\":" + arrayJson(sender.permissions())
                + ",\"location\":" + location + "}";
    }
}
