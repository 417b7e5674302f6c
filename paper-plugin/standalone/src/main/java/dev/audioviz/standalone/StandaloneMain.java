package dev.audioviz.standalone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import net.minestom.server.MinecraftServer;

/**
 * {@code java -jar audioviz-server.jar [options]}: parses the options ({@link StandaloneOptions#USAGE}), starts
 * the {@link StandaloneServer}, reads console commands from standard input and stops cleanly on Ctrl-C.
 */
public final class StandaloneMain {
    /** Exit code: options were invalid. */
    public static final int EXIT_BAD_OPTIONS = 2;
    /** Exit code: the server could not start. */
    public static final int EXIT_START_FAILED = 1;

    private StandaloneMain() {}

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "[%1$tT %4$s] %5$s%6$s%n");
        System.setProperty("java.util.logging.manager", ShutdownLogManager.class.getName());
        // Our shutdown hook stops AudioViz before Minestom; Minestom's own hook would race it.
        System.setProperty("minestom.shutdown-on-signal", "false");
        StandaloneOptions options;
        try {
            options = StandaloneOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("audioviz-server: " + e.getMessage());
            System.exit(EXIT_BAD_OPTIONS);
            return;
        }
        if (options.help()) {
            System.out.print(StandaloneOptions.USAGE);
            return;
        }
        Logger logger = Logger.getLogger("AudioViz");
        StandaloneServer server;
        try {
            server = StandaloneServer.start(options, logger);
        } catch (IOException | RuntimeException e) {
            logger.severe("AudioViz could not start: " + e.getMessage());
            System.exit(EXIT_START_FAILED);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            logger.info("Stopping AudioViz…");
            server.close();
            if (LogManager.getLogManager() instanceof ShutdownLogManager manager) manager.resetAfterShutdown();
        }, "audioviz-shutdown"));
        readConsole(logger);
    }

    /** Runs each line typed on the console as a server command ("audioviz status"), on the server thread. */
    private static void readConsole(Logger logger) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    String command = line.strip();
                    if (command.isEmpty()) continue;
                    if (command.equals("stop")) {
                        System.exit(0); // runs the shutdown hook
                    }
                    MinecraftServer.getSchedulerManager().scheduleNextTick(() -> MinecraftServer.getCommandManager()
                            .execute(MinecraftServer.getCommandManager().getConsoleSender(), command));
                }
            } catch (IOException e) {
                logger.fine("console input closed: " + e.getMessage());
            }
        }, "audioviz-console");
        reader.setDaemon(true);
        reader.start();
    }
}
