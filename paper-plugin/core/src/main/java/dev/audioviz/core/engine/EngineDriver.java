package dev.audioviz.core.engine;

import dev.audioviz.core.command.CommandReply;
import dev.audioviz.core.command.CommandSenderInfo;
import dev.audioviz.core.config.CoreConfig;
import dev.audioviz.core.net.InboundQueue;
import dev.audioviz.core.world.EngineDiff;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.graalvm.polyglot.Engine;

/**
 * Everything that happens on the script thread: owns the current {@link EngineSession}, feeds it the inbound
 * queue, runs its tick and publishes the diff, swaps bundles (keeping the running engine when a new one does
 * not load) and re-applies hot-loaded patterns to a new engine. Call only on the script thread.
 */
public final class EngineDriver {
    /** Time a bundle may take to evaluate and create its engine. */
    static final long LOAD_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** Budget of the calls right after a (re)load, while GraalJS still runs cold code. */
    static final long WARMUP_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Ticks between refreshes of the status snapshot (one second of server ticks). */
    private static final int STATUS_EVERY_TICKS = 20;

    private final Engine shared;
    private final JavaHost host;
    private final CoreConfig config;
    private final Watchdog watchdog;
    private final Logger logger;
    private final InboundQueue inbound;
    private final FrameHandoff handoff;
    private final Map<String, String> patterns = new LinkedHashMap<>();
    /** Connected :8765 clients and whether they are trusted, told again to every new engine. */
    private final Map<String, Boolean> clients = new LinkedHashMap<>();
    private EngineSession session;
    private String bundleName;
    private String bundleSource;
    private long ticksSinceLoad;
    /**
     * {@code load_script} messages handed to the engine and perhaps not evaluated yet: the engine evaluates one
     * per tick, so each gets one tick with a script's budget (a message the engine dropped only lengthens one
     * tick's budget).
     */
    private int scriptsWaiting;
    /** Kinds of call seen since the load; a kind's first call gets the warm-up budget. */
    private final FirstCalls firstCalls = new FirstCalls();
    private boolean resetPending;
    private long ticks;
    private volatile EngineStatusView status = EngineStatusView.NONE;
    private volatile String version = "";

    public EngineDriver(
            Engine shared,
            JavaHost host,
            CoreConfig config,
            Watchdog watchdog,
            Logger logger,
            InboundQueue inbound,
            FrameHandoff handoff) {
        this.shared = shared;
        this.host = host;
        this.config = config;
        this.watchdog = watchdog;
        this.logger = logger;
        this.inbound = inbound;
        this.handoff = handoff;
    }

    /**
     * Loads a bundle. One that does not evaluate (syntax error, no {@code AudioVizEngine}) leaves the running
     * engine untouched. Otherwise the running engine saves its documents first, so the new one starts from
     * them; if the new engine then fails to start, the old bundle is started again from the same documents.
     *
     * @return null on success, else why the bundle was rejected
     */
    public String loadBundle(String name, String source) {
        EngineSession previous = session;
        boolean[] disposed = {false};
        EngineSession next;
        try {
            next = EngineSession.load(shared, name, source, host, config, watchdog, logger, LOAD_BUDGET_NANOS, () -> {
                if (previous != null) previous.dispose();
                disposed[0] = true;
            });
        } catch (ScriptLoadException e) {
            logger.severe(e.getMessage() + (previous != null ? "; the running engine stays" : ""));
            if (previous != null && disposed[0]) restart(previous, bundleName, bundleSource);
            return e.getMessage();
        }
        if (previous != null) previous.close();
        session = next;
        bundleName = name;
        bundleSource = source;
        afterLoad();
        logger.info("AudioViz engine " + version + " loaded from " + name);
        return null;
    }

    /**
     * Re-creates the engine from the bundle it runs now (what {@code /audioviz reload} means when no new
     * bundle was dropped in): documents are saved and read back, hot-loaded patterns re-applied.
     *
     * @return null on success, else why the bundle did not load again
     */
    public String reloadCurrent() {
        if (bundleSource == null) return "no engine is running";
        return loadBundle(bundleName, bundleSource);
    }

    /** Loads or replaces one pattern; it is re-applied to every later engine. Returns an error or null. */
    public String loadPattern(String name, String source) {
        if (session == null) return "no engine is running";
        // Evaluating new source is cold work, not a tick: it gets the warm-up budget.
        String error = guarded(true, () -> session.loadPattern(name, source));
        if (error == null) {
            patterns.put(name, source);
            logger.info("AudioViz pattern " + name + " loaded");
        } else {
            logger.warning("AudioViz pattern " + name + " rejected: " + error);
        }
        return error;
    }

    /** One script-thread tick: feed the queue, tick the engine, publish the diff. Skipped while the last is unread. */
    public void tick() {
        if (session == null) return;
        if (!session.alive()) session = restart(session, bundleName, bundleSource);
        if (session == null || !handoff.isFree()) return;
        boolean[] newKind = {false};
        inbound.drainTo(item -> {
            switch (item.kind()) {
                case MESSAGE, SCRIPT -> {
                    if (item.kind() == InboundQueue.Inbound.Kind.SCRIPT) scriptsWaiting++;
                    if (firstCalls.first("message " + item.type())) newKind[0] = true;
                    guarded(() -> {
                        session.enqueue(item.clientId(), item.text());
                        return null;
                    });
                }
                case CONNECTED -> guarded(() -> {
                    clients.put(item.clientId(), item.trusted());
                    session.clientConnected(item.clientId(), item.trusted());
                    return null;
                });
                case DISCONNECTED -> guarded(() -> {
                    clients.remove(item.clientId());
                    session.clientDisconnected(item.clientId());
                    return null;
                });
            }
        });
        ticksSinceLoad++;
        // The engine evaluates at most one script per tick: this tick may be evaluating one, cold. It may also
        // handle the first message of a type, on a path that has not run for real yet.
        boolean mayEvaluateScript = scriptsWaiting > 0;
        if (mayEvaluateScript) scriptsWaiting--;
        EngineDiff diff = guarded(mayEvaluateScript || newKind[0], session::tick);
        if (diff == null && !resetPending) return;
        handoff.publish(new FrameHandoff.Frame(diff != null ? diff : EngineDiff.EMPTY, resetPending));
        resetPending = false;
        if (++ticks % STATUS_EVERY_TICKS == 0) refreshStatus();
    }

    public CommandReply command(CommandSenderInfo sender, List<String> args) {
        if (session == null) return CommandReply.failed("The engine is not running; check the console.");
        return guarded(firstCalls.first("command " + verb(args)), () -> session.command(sender, args));
    }

    public List<String> complete(CommandSenderInfo sender, List<String> args) {
        if (session == null) return List.of();
        return guarded(firstCalls.first("complete " + verb(args)), () -> session.complete(sender, args));
    }

    /** Saves and closes the engine. */
    public void shutdown() {
        if (session == null) return;
        session.dispose();
        session.close();
        session = null;
    }

    /** The latest status snapshot (refreshed every second); any thread. */
    public EngineStatusView status() {
        return status;
    }

    /** The running bundle's ENGINE_VERSION; any thread. */
    public String version() {
        return version;
    }

    public void refreshStatus() {
        if (session == null) return;
        EngineStatusView s = guarded(session::status);
        if (s != null) status = s;
    }

    /** Recreates an engine from a bundle that loaded before (after its context was closed or disposed). */
    private EngineSession restart(EngineSession dead, String name, String source) {
        dead.close();
        try {
            EngineSession fresh = EngineSession.load(shared, name, source, host, config, watchdog, logger,
                    LOAD_BUDGET_NANOS, () -> {});
            session = fresh;
            afterLoad();
            return fresh;
        } catch (ScriptLoadException e) {
            logger.severe("the engine could not restart: " + e.getMessage());
            return null;
        }
    }

    /** A command's kind: its first two words ({@code zone create}, {@code pattern set}). */
    private static String verb(List<String> args) {
        return String.join(" ", args.subList(0, Math.min(2, args.size())));
    }

    private void afterLoad() {
        ticksSinceLoad = 0;
        firstCalls.reset();
        scriptsWaiting = 0; // the old engine's queue went with it
        resetPending = true; // the new engine spawns its entities afresh
        version = session.version();
        clients.forEach((id, trusted) -> guarded(() -> {
            session.clientConnected(id, trusted);
            return null;
        }));
        for (Map.Entry<String, String> p : List.copyOf(patterns.entrySet())) {
            String error = guarded(() -> session.loadPattern(p.getKey(), p.getValue()));
            if (error != null) {
                logger.warning("AudioViz pattern " + p.getKey() + " does not load into the new engine: " + error);
                patterns.remove(p.getKey());
            }
        }
        refreshStatus();
    }

    /** Sets the call budget (longer during warm-up) before a session call. */
    private <T> T guarded(java.util.function.Supplier<T> call) {
        return guarded(false, call);
    }

    /** Sets the call budget before a session call: the warm-up budget for cold work, or during warm-up. */
    private <T> T guarded(boolean cold, java.util.function.Supplier<T> call) {
        long budget = config.engineCallBudget().toNanos();
        boolean relaxed = cold || ticksSinceLoad <= config.warmupTicks();
        session.budget(relaxed ? Math.max(budget, WARMUP_BUDGET_NANOS) : budget);
        return call.get();
    }
}
