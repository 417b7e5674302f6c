package dev.audioviz.core;

import dev.audioviz.core.command.CommandReply;
import dev.audioviz.core.command.CommandSenderInfo;
import dev.audioviz.core.config.CoreConfig;
import dev.audioviz.core.engine.CallClock;
import dev.audioviz.core.engine.EngineDriver;
import dev.audioviz.core.engine.EngineStatusView;
import dev.audioviz.core.engine.FrameHandoff;
import dev.audioviz.core.engine.JavaHost;
import dev.audioviz.core.engine.ScriptFolderWatcher;
import dev.audioviz.core.engine.ScriptThread;
import dev.audioviz.core.engine.Watchdog;
import dev.audioviz.core.net.ErrorCode;
import dev.audioviz.core.net.InboundQueue;
import dev.audioviz.core.net.PluginSocketServer;
import dev.audioviz.core.net.TokenVerifier;
import dev.audioviz.core.storage.BackgroundDocuments;
import dev.audioviz.core.storage.DocumentStore;
import dev.audioviz.core.world.DisplayWorld;
import dev.audioviz.core.world.EngineDiff;
import dev.audioviz.core.world.FaultLog;
import dev.audioviz.core.world.ZoneAnchor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.graalvm.polyglot.Engine;

/**
 * The AudioViz host, written once for every platform: it owns GraalJS, the script thread, the watchdog, hot
 * reload and the :8765 socket, and fixes the order they start and stop in. A platform supplies its ports
 * through the constructor and then only calls {@link #onServerTick()} every tick and forwards
 * {@code /audioviz} to {@link #command} and {@link #suggest}.
 *
 * <p>Threads: {@link #onServerTick()}, {@link #suggest} and the futures' completions run on the server
 * thread and never wait for the script thread; {@link #start()} and {@link #stop()} may block briefly.
 */
public final class AudioVizCore implements AutoCloseable {
    /** {@code server_type} of the Paper plugin. */
    public static final String SERVER_TYPE_PAPER = "paper";
    /** {@code server_type} of the standalone server. */
    public static final String SERVER_TYPE_STANDALONE = "standalone";
    /** The bundle built into the jar (scripts/bundle/engine.js, added by the core's build). */
    public static final String BUILT_IN_BUNDLE = "audioviz/engine/engine.js";

    private final CoreConfig config;
    private final DisplayWorld world;
    private final Logger logger;
    private final Path dataFolder;
    private final InstantSource clock;
    private final String serverType;
    private final ServerThreadTasks serverTasks;
    private final FrameHandoff handoff = new FrameHandoff();
    private final InboundQueue inbound;
    private final CommandSuggestions suggestions;
    private final ZoneAnnouncer announcer;
    /** Failures of a whole server-tick apply, each logged once (server thread). */
    private final FaultLog tickFaults;
    private Engine graal;
    private Watchdog watchdog;
    private EngineDriver driver;
    private ScriptThread scriptThread;
    private ScriptFolderWatcher watcher;
    private PluginSocketServer socket;
    private BackgroundDocuments documents;
    private volatile boolean running;
    private volatile String runtimeName = "";
    private volatile String lastReloadError;
    private long appliedFrames;
    /** The zone list of the last diff taken (the differ hands out the same list while no anchor changes). */
    private List<ZoneAnchor> appliedZones = List.of();
    private LateTickReport lateTickReport;

    /**
     * @param config settings (see {@link CoreConfig#fromMap})
     * @param world the platform's display entities and players; called on the server thread only
     * @param logger where the core logs (the plugin's logger)
     * @param dataFolder the plugin's data folder: documents and {@code scripts/} live here
     * @param clock the server's clock: the engine's {@code now()} and the socket timeouts read it
     * @param serverType {@link #SERVER_TYPE_PAPER} or {@link #SERVER_TYPE_STANDALONE}
     */
    public AudioVizCore(
            CoreConfig config,
            DisplayWorld world,
            Logger logger,
            Path dataFolder,
            InstantSource clock,
            String serverType) {
        this.config = Objects.requireNonNull(config);
        this.world = Objects.requireNonNull(world);
        this.logger = Objects.requireNonNull(logger);
        this.dataFolder = Objects.requireNonNull(dataFolder);
        this.clock = Objects.requireNonNull(clock);
        if (!serverType.equals(SERVER_TYPE_PAPER) && !serverType.equals(SERVER_TYPE_STANDALONE)) {
            throw new IllegalArgumentException("serverType must be paper or standalone, got " + serverType);
        }
        this.serverType = serverType;
        this.serverTasks = new ServerThreadTasks(logger);
        this.inbound = new InboundQueue(config.queueCapacity());
        this.announcer = new ZoneAnnouncer(world, config.announceRadius());
        this.suggestions = new CommandSuggestions();
        this.tickFaults = new FaultLog(logger);
    }

    /**
     * Starts everything, in this order: data folder, GraalJS engine, watchdog, script thread with the engine
     * bundle, hot reload, :8765 socket. Blocks until the bundle is loaded and the socket is bound.
     *
     * @throws IOException when the data folder, the bundle or the socket is unusable (message says what to do)
     */
    public synchronized void start() throws IOException {
        if (running) throw new IllegalStateException("already started");
        Path scripts = dataFolder.resolve("scripts");
        Files.createDirectories(scripts.resolve("patterns"));
        TokenVerifier verifier = verifier();

        graal = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
        logRuntime(graal.getImplementationName());

        CallClock cpu = CallClock.cpuTime();
        watchdog = new Watchdog(cpu, logger, pollInterval(config.engineCallBudget()));
        watchdog.start();
        documents = new BackgroundDocuments(new DocumentStore(dataFolder), logger);
        JavaHost host = new JavaHost(clock, cpu, logger, documents, this::sendToClient, this::announce);
        driver = new EngineDriver(graal, host, config, watchdog, logger, inbound, handoff);
        scriptThread = new ScriptThread(driver::tick, logger, config.tickDelay(), System::nanoTime);
        lateTickReport = new LateTickReport(logger, config.tickDelay().toMillis());
        scriptThread.start();
        running = true;
        try {
            loadInitialBundle(scripts);
            watcher = new ScriptFolderWatcher(scripts, this::onBundleChanged, this::onPatternChanged, logger);
            watcher.baseline();
            loadInitialPatterns(scripts.resolve("patterns"));
            watcher.start();
            socket = new PluginSocketServer(config.bindAddress(), config.port(), verifier, clock, logger, inbound,
                    serverType);
            socket.start();
            logger.info("AudioViz listening on " + config.bindAddress() + ":" + socket.port()
                    + (verifier != null ? " (token required)" : " (loopback, no token)"));
        } catch (IOException | RuntimeException e) {
            stop();
            throw e;
        }
    }

    /**
     * Called by the platform on its server thread once per tick: runs queued replies, applies the newest
     * finished diff, and signals the script thread. Never waits for the script thread.
     */
    public void onServerTick() {
        if (!running) return;
        serverTasks.runPending();
        FrameHandoff.Frame frame = handoff.take();
        try {
            if (frame != null) applyFrame(frame);
        } catch (RuntimeException e) {
            // Thrown out of here it would end the platform's repeating task: no more frames, no engine ticks, no
            // replies. The frame is lost; the next one applies as usual.
            reportTickFault(e);
        } finally {
            scriptThread.requestTick();
        }
        lateTickReport.check(scriptThread.lateTicks(), clock.millis());
    }

    private void applyFrame(FrameHandoff.Frame frame) {
        EngineDiff diff = frame.diff();
        if (frame.resetWorld()) world.removeAll();
        announcer.zones(diff.zones());
        // An empty diff still matters when its zone list is new: a zone that moved takes its entities along.
        if (diff.count() > 0 || diff.zones() != appliedZones) world.apply(diff);
        appliedZones = diff.zones();
        appliedFrames++;
    }

    /** Once per kind of failure: the console, and an INTERNAL_ERROR to the :8765 clients (no request caused it). */
    private void reportTickFault(RuntimeException e) {
        String message = "AudioViz could not apply a frame (" + e + "); it is skipped, the show goes on";
        if (!tickFaults.once("tick " + e.getClass().getName() + ' ' + e.getMessage(), message, e)) return;
        PluginSocketServer s = socket;
        if (s != null) s.sendErrorToAll(ErrorCode.INTERNAL_ERROR, message);
    }

    /**
     * Runs {@code /audioviz <args>}. The engine answers on the script thread; the future completes on the
     * server thread (during a later {@link #onServerTick()}). {@code reload} is handled here (the engine
     * leaves it to its host): the engine is re-created from {@code scripts/engine.js}, or from the bundle it
     * runs, the pattern files are loaded again, and the reply lists what did not load.
     */
    public CompletableFuture<CommandReply> command(CommandSenderInfo sender, List<String> args) {
        if (!running) return CompletableFuture.completedFuture(CommandReply.failed("AudioViz is not running."));
        List<String> copy = List.copyOf(args);
        if (!copy.isEmpty() && copy.get(0).equalsIgnoreCase("reload")) {
            if (!sender.permissions().contains("audioviz.admin")) {
                return CompletableFuture.completedFuture(CommandReply.failed("You need audioviz.admin to reload."));
            }
            return onServerThread(scriptThread.submit(this::reloadNow));
        }
        return onServerThread(scriptThread.submit(() -> driver.command(sender, copy)));
    }

    /**
     * Tab completions for the last argument, answered at once from what the engine said for these arguments
     * before; the engine is asked again in the background, so the list is at most one keystroke old.
     */
    public List<String> suggest(CommandSenderInfo sender, List<String> args) {
        if (!running) return List.of();
        CommandSuggestions.Lookup lookup = suggestions.lookup(sender, args);
        if (lookup.needsRefresh()) {
            scriptThread.submit(() -> {
                suggestions.store(lookup.key(), driver.complete(sender, lookup.argsForEngine()));
                return null;
            });
        }
        return lookup.matches();
    }

    /** Counters for {@code /audioviz status}, health checks and tests; any thread, never blocks. */
    public CoreStatus status() {
        return new CoreStatus(
                running,
                runtimeName,
                driver != null ? driver.version() : "",
                socket != null ? socket.port() : -1,
                socket != null ? socket.clientCount() : 0,
                inbound.size(),
                inbound.capacity(),
                inbound.accepted(),
                inbound.dropped(),
                appliedFrames,
                lastReloadError,
                driver != null ? driver.status() : EngineStatusView.NONE,
                watchdog != null ? watchdog.interrupts() : 0);
    }

    /**
     * Stops everything in the reverse order of {@link #start()}: socket, hot reload, engine (which saves its
     * documents), watchdog, GraalJS; then removes the world's AudioViz entities. Call on the server thread.
     */
    public synchronized void stop() {
        if (!running) return;
        running = false;
        if (socket != null) socket.stop();
        if (watcher != null) watcher.close();
        try {
            scriptThread.stop(driver::shutdown);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        documents.close(); // after the engine's last save
        watchdog.close();
        try {
            graal.close(true);
        } catch (RuntimeException e) {
            logger.log(Level.FINE, "closing GraalJS", e);
        }
        world.removeAll();
        logger.info("AudioViz stopped");
    }

    @Override
    public void close() {
        stop();
    }

    private CommandReply reloadNow() {
        Path scripts = dataFolder.resolve("scripts");
        StringBuilder errors = new StringBuilder();
        Path bundle = scripts.resolve("engine.js");
        try {
            append(errors, Files.isRegularFile(bundle)
                    ? driver.loadBundle("engine.js", Files.readString(bundle))
                    : driver.reloadCurrent());
            try (var files = Files.newDirectoryStream(scripts.resolve("patterns"), "*.js")) {
                for (Path f : files) {
                    String name = f.getFileName().toString().replaceFirst("\\.js$", "");
                    append(errors, driver.loadPattern(name, Files.readString(f)));
                }
            }
        } catch (IOException e) {
            append(errors, "cannot read " + scripts + ": " + e.getMessage());
        }
        lastReloadError = errors.isEmpty() ? null : errors.toString();
        return errors.isEmpty()
                ? CommandReply.ok("Reloaded the engine " + driver.version() + " and its patterns.")
                : CommandReply.failed(("Reload incomplete; the running engine keeps going.\n" + errors).split("\n"));
    }

    private static void append(StringBuilder errors, String error) {
        if (error != null) errors.append(errors.isEmpty() ? "" : "\n").append(error);
    }

    private void onBundleChanged(String name, String source) {
        scriptThread.submit(() -> {
            lastReloadError = driver.loadBundle(name, source);
            return null;
        });
    }

    private void onPatternChanged(String name, String source) {
        scriptThread.submit(() -> {
            lastReloadError = driver.loadPattern(name, source);
            return null;
        });
    }

    private void loadInitialBundle(Path scripts) throws IOException {
        Path custom = scripts.resolve("engine.js");
        if (Files.isRegularFile(custom) && runOnScript(() -> driver.loadBundle("engine.js", Files.readString(custom))) == null) {
            return;
        }
        String builtIn;
        try (InputStream in = AudioVizCore.class.getClassLoader().getResourceAsStream(BUILT_IN_BUNDLE)) {
            if (in == null) {
                throw new IOException("no engine bundle: neither " + custom + " nor the built-in " + BUILT_IN_BUNDLE
                        + " exists; run `npm run build` and rebuild the plugin");
            }
            builtIn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String error = runOnScript(() -> driver.loadBundle("built-in engine.js", builtIn));
        if (error != null) throw new IOException(error);
    }

    private void loadInitialPatterns(Path patterns) throws IOException {
        try (var files = Files.newDirectoryStream(patterns, "*.js")) {
            for (Path f : files) {
                String name = f.getFileName().toString().replaceFirst("\\.js$", "");
                String source = Files.readString(f);
                runOnScript(() -> driver.loadPattern(name, source));
            }
        }
    }

    /** Runs a start-up step on the script thread and waits for it (start-up only, never from a tick). */
    private <T> T runOnScript(java.util.concurrent.Callable<T> step) throws IOException {
        try {
            return scriptThread.submit(step).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the engine did not start within 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the engine", e);
        }
    }

    /** Completes the returned future on the server thread with the script thread's result. */
    private CompletableFuture<CommandReply> onServerThread(CompletableFuture<CommandReply> fromScript) {
        CompletableFuture<CommandReply> result = new CompletableFuture<>();
        fromScript.whenComplete((reply, error) -> {
            CommandReply answer = error == null ? reply : CommandReply.failed("AudioViz could not run that: "
                    + error.getMessage());
            if (!serverTasks.post(() -> result.complete(answer))) {
                result.complete(CommandReply.failed("The server is busy; try again."));
            }
        });
        return result;
    }

    private void sendToClient(String clientId, String text) {
        PluginSocketServer s = socket;
        if (s != null) s.send(clientId, text);
    }

    private void announce(String zone, String message) {
        serverTasks.post(() -> announcer.announce(zone, message));
    }

    private TokenVerifier verifier() {
        if (!config.tokenHash().isEmpty()) return TokenVerifier.ofHash(config.tokenHash());
        if (!config.token().isEmpty()) return TokenVerifier.ofPlain(config.token());
        return null;
    }

    private void logRuntime(String implementation) {
        runtimeName = implementation;
        if (implementation.toLowerCase(java.util.Locale.ROOT).contains("interpreted")) {
            logger.info("GraalJS runs in interpreter-only mode (" + implementation + "): fine for the show, slower"
                    + " for heavy patterns. For the optimizing runtime start the JVM with -XX:+UnlockExperimentalVMOptions"
                    + " -XX:+EnableJVMCI --upgrade-module-path=<folder with the org.graalvm.compiler:compiler jars>"
                    + " (see the AudioViz README), or run on GraalVM.");
        } else {
            logger.info("GraalJS runs with the optimizing runtime (" + implementation + ").");
        }
    }

    /** Polls often enough to catch an overrun within a tenth of the budget, but no more than every ms. */
    private static Duration pollInterval(Duration budget) {
        return Duration.ofNanos(Math.max(1_000_000L, budget.toNanos() / 10));
    }
}
