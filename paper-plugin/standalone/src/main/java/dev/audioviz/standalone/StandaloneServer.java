package dev.audioviz.standalone;

import dev.audioviz.core.AudioVizCore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.minestom.server.Auth;
import net.minestom.server.MinecraftServer;
import net.minestom.server.timer.TaskSchedule;

/**
 * The standalone server: Minestom with {@link StandaloneWorld}, the AudioViz core on {@link MinestomDisplayWorld},
 * {@code /audioviz}, and on first start the default zone ({@link DefaultShow}). One per JVM: Minestom's server is
 * a process-wide singleton.
 */
public final class StandaloneServer implements AutoCloseable {
    /** How long {@link #close()} waits for the tick thread to stop the core before doing it itself. */
    private static final long STOP_WAIT_SECONDS = 10;
    /** Minestom system property: wake the socket writer on each packet instead of polling. */
    private static final String WAKE_WRITER_FLAG = "minestom.new-socket-write-lock";

    private final AudioVizCore core;
    private final MinestomDisplayWorld display;
    private final StandaloneWorld world;
    private final Logger logger;
    private final int port;
    private boolean closed;

    private StandaloneServer(
            AudioVizCore core, MinestomDisplayWorld display, StandaloneWorld world, Logger logger, int port) {
        this.core = core;
        this.display = display;
        this.world = world;
        this.logger = logger;
        this.port = port;
    }

    /**
     * Minestom's per-player writer otherwise polls its queue every half tick (25 ms), which delays every entity
     * update by up to that much; with this flag it wakes as soon as a packet is queued (e2e latency p95 75 → 59
     * ms). Minestom reads it once, when its flags load: call before {@code MinecraftServer.init}. A value the
     * user set with {@code -D} stays.
     */
    static void wakeSocketWriters() {
        if (System.getProperty(WAKE_WRITER_FLAG) == null) System.setProperty(WAKE_WRITER_FLAG, "true");
    }

    /**
     * Starts everything and returns once players can join: the core (engine, socket, hot reload), then the
     * Minecraft server, then the default show when the data folder has no zones yet.
     *
     * @throws IOException when the data folder, the engine bundle or a port is unusable (the message says which)
     */
    public static StandaloneServer start(StandaloneOptions options, Logger logger) throws IOException {
        wakeSocketWriters();
        MinecraftServer minecraft = MinecraftServer.init(new Auth.Offline());
        MinecraftServer.setBrandName("AudioViz");
        StandaloneWorld world = StandaloneWorld.create();
        MinestomDisplayWorld display =
                new MinestomDisplayWorld(world.instance(), new PlayerDirectory(logger), logger);
        Path data = options.dataFolder().toAbsolutePath();
        boolean firstStart = !Files.exists(data.resolve("zones.json"));
        AudioVizCore core = new AudioVizCore(options.core(), display, logger, data, InstantSource.system(),
                AudioVizCore.SERVER_TYPE_STANDALONE);
        core.start();
        try {
            MinecraftServer.getCommandManager().register(new MinestomCommandBridge(core));
            MinecraftServer.getSchedulerManager().buildTask(core::onServerTick).repeat(TaskSchedule.tick(1)).schedule();
            try {
                minecraft.start(options.host(), options.port());
            } catch (RuntimeException e) {
                throw new IOException("cannot open the Minecraft port " + options.host() + ":" + options.port()
                        + " (" + e.getMessage() + "); is another server running? Pick one with --port.", e);
            }
        } catch (IOException | RuntimeException e) {
            core.stop();
            MinecraftServer.stopCleanly();
            throw e;
        }
        int port = MinecraftServer.getServer().getPort();
        StandaloneServer server = new StandaloneServer(core, display, world, logger, port);
        if (firstStart) new DefaultShow(core, logger).create();
        logger.info("AudioViz standalone server ready. Join localhost:" + port + " with Minecraft "
                + MinecraftServer.VERSION_NAME + " (offline mode, any name); the show plays on the stage in"
                + " front of the spawn. Audio goes to ws://" + options.core().bindAddress() + ":"
                + core.status().socketPort() + ". Stop with Ctrl-C.");
        return server;
    }

    /** The bound Minecraft port. */
    public int port() {
        return port;
    }

    /** The core (status, commands). */
    public AudioVizCore core() {
        return core;
    }

    /** The display world the core draws into. */
    public MinestomDisplayWorld display() {
        return display;
    }

    /** The Minestom world. */
    public StandaloneWorld world() {
        return world;
    }

    /**
     * Stops the core on the tick thread (the core removes its entities there), then Minestom. Safe to call
     * twice and from a shutdown hook.
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        MinecraftServer.getSchedulerManager().scheduleNextTick(() -> {
            core.stop();
            stopped.complete(null);
        });
        try {
            stopped.get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            logger.warning("The server thread did not stop AudioViz within " + STOP_WAIT_SECONDS + " s; stopping"
                    + " it from the shutdown thread.");
            core.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            core.stop();
        }
        try {
            MinecraftServer.stopCleanly();
        } catch (RuntimeException e) {
            logger.log(Level.FINE, "stopping Minestom", e);
        }
    }
}
