package dev.audioviz.standalone;

import dev.audioviz.core.AudioVizCore;
import dev.audioviz.core.command.CommandReply;
import dev.audioviz.core.command.CommandSenderInfo;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * The show a fresh standalone server starts with: one concert_hall zone (10×6×10) on the stage, a pool of the
 * engine's default size and the bars pattern, created through the engine's own {@code /audioviz} commands (so it
 * is stored, listed and editable like any zone), run as an operator standing at the stage's corner.
 */
final class DefaultShow {
    /** The default zone's name. */
    static final String ZONE = "stage";
    /** The commands, in order; each runs after the previous one answered. */
    static final List<List<String>> SETUP = List.of(
            List.of("zone", "create", ZONE, "concert_hall", StandaloneWorld.WORLD_NAME,
                    coordinate(StandaloneWorld.STAGE_ORIGIN.x()), coordinate(StandaloneWorld.STAGE_ORIGIN.y()),
                    coordinate(StandaloneWorld.STAGE_ORIGIN.z())),
            List.of("pool", "init", ZONE),
            List.of("pattern", "set", "bars", ZONE));

    /** Tries per setup command. */
    private static final int ATTEMPTS = 3;

    private static final CommandSenderInfo OPERATOR = new CommandSenderInfo("AudioViz", CommandSenderInfo.PERMISSIONS,
            new CommandSenderInfo.Location(StandaloneWorld.WORLD_NAME, StandaloneWorld.STAGE_ORIGIN.x(),
                    StandaloneWorld.STAGE_ORIGIN.y(), StandaloneWorld.STAGE_ORIGIN.z(), 0));

    private static String coordinate(double value) {
        return Long.toString(Math.round(value));
    }

    private final AudioVizCore core;
    private final Logger logger;

    DefaultShow(AudioVizCore core, Logger logger) {
        this.core = core;
        this.logger = logger;
    }

    /** Sends the setup commands one after another; the returned future completes on the server thread. */
    CompletableFuture<Void> create() {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (List<String> command : SETUP) {
            chain = chain.thenCompose(ignored -> run(command, ATTEMPTS)).thenAccept(reply -> log(command, reply));
        }
        return chain.exceptionally(e -> {
            logger.warning("Could not set up the default zone: " + e.getMessage()
                    + ". Create one in game with /audioviz zone create <name>.");
            return null;
        });
    }

    /**
     * Runs one command, again when it fails: the first commands run cold code in the interpreter, and on a busy
     * machine the watchdog may interrupt them; a retry runs warm. A step that cannot succeed fails every time.
     */
    private CompletableFuture<CommandReply> run(List<String> command, int attempts) {
        return core.command(OPERATOR, command).thenCompose(reply -> reply.ok() || attempts <= 1
                ? CompletableFuture.completedFuture(reply)
                : run(command, attempts - 1));
    }

    private void log(List<String> command, CommandReply reply) {
        String text = "/audioviz " + String.join(" ", command) + ": " + String.join(" / ", reply.lines());
        if (reply.ok()) logger.info("Default show: " + text);
        else logger.warning("Default show step failed (the server keeps running; fix it in game): " + text);
    }
}
