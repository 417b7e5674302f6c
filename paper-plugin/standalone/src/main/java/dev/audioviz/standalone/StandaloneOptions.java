package dev.audioviz.standalone;

import dev.audioviz.core.config.CoreConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The standalone server's settings, layered: defaults, then the config file, then environment variables, then
 * command-line flags (each overrides the one before).
 *
 * @param host address the Minecraft server binds to
 * @param port Minecraft port, 0–65535 (0 picks a free one)
 * @param dataFolder where zones, scenes, settings and {@code scripts/} live
 * @param core the core's settings (the :8765 socket, engine limits; see {@link CoreConfig#fromMap})
 * @param help {@code --help} was given: print {@link #USAGE} and exit
 */
public record StandaloneOptions(String host, int port, Path dataFolder, CoreConfig core, boolean help) {
    /** The Minecraft port unless configured otherwise. */
    public static final int DEFAULT_PORT = 25565;
    /** The config file looked for in the data folder when {@code --config} is not given. */
    public static final String CONFIG_FILE = "audioviz-server.properties";

    public static final String USAGE = """
            Usage: java -jar audioviz-server.jar [options]

            Starts an offline-mode Minecraft 26.1.2 server with the AudioViz light show on a stage, the :8765
            socket for the VJ hub or an audio agent, and /audioviz in game.

            Options (flag / environment variable / config file key):
              --port N          AUDIOVIZ_PORT         server.port    Minecraft port (default 25565)
              --host ADDR       AUDIOVIZ_HOST         server.host    Minecraft bind address (default 0.0.0.0)
              --socket-port N   AUDIOVIZ_SOCKET_PORT  socket.port    AudioViz socket port (default 8765)
              --socket-bind A   AUDIOVIZ_SOCKET_BIND  socket.bind    socket bind address (default 127.0.0.1;
                                                                     any other address needs a token)
              --token SECRET    AUDIOVIZ_TOKEN        socket.token   secret clients send in `auth`
              --data DIR        AUDIOVIZ_DATA                        data folder (default ./audioviz-data)
              --config FILE     AUDIOVIZ_CONFIG                      properties file (default
                                                                     DIR/audioviz-server.properties)
              --help                                                 show this text

            The config file also takes the core's keys: engine.queue_capacity, engine.max_entities_per_zone,
            engine.pattern_budget_ms, engine.call_budget_ms, engine.seed, engine.warmup_ticks, engine.tick_delay_ms, announce_radius,
            socket.token_hash.
            Exit codes: 0 stopped cleanly, 1 could not start, 2 bad options.
            """;

    private static final Map<String, String> FLAG_KEYS = Map.of(
            "--port", "server.port",
            "--host", "server.host",
            "--socket-port", "socket.port",
            "--socket-bind", "socket.bind",
            "--token", "socket.token");
    private static final Map<String, String> ENV_KEYS = Map.of(
            "AUDIOVIZ_PORT", "server.port",
            "AUDIOVIZ_HOST", "server.host",
            "AUDIOVIZ_SOCKET_PORT", "socket.port",
            "AUDIOVIZ_SOCKET_BIND", "socket.bind",
            "AUDIOVIZ_TOKEN", "socket.token");

    /**
     * Reads the options.
     *
     * @param args command-line arguments
     * @param env environment variables (System.getenv() in production)
     * @throws IllegalArgumentException with a message saying what is wrong and how to fix it
     */
    public static StandaloneOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> flags = new LinkedHashMap<>();
        String dataFlag = null;
        String configFlag = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.equals("--data") && !arg.equals("--config") && !FLAG_KEYS.containsKey(arg)) {
                throw new IllegalArgumentException("unknown option " + arg + " (see --help)");
            }
            if (i + 1 >= args.length) throw new IllegalArgumentException(arg + " needs a value (see --help)");
            String value = args[++i];
            switch (arg) {
                case "--data" -> dataFlag = value;
                case "--config" -> configFlag = value;
                default -> flags.put(FLAG_KEYS.get(arg), value);
            }
        }
        Path data = Path.of(firstOf(dataFlag, env.get("AUDIOVIZ_DATA"), "audioviz-data"));
        String explicitConfig = firstOf(configFlag, env.get("AUDIOVIZ_CONFIG"), null);
        Map<String, Object> settings = new LinkedHashMap<>(readConfig(
                explicitConfig != null ? Path.of(explicitConfig) : data.resolve(CONFIG_FILE), explicitConfig != null));
        ENV_KEYS.forEach((name, key) -> {
            String value = env.get(name);
            if (value != null && !value.isBlank()) settings.put(key, value.trim());
        });
        settings.putAll(flags);
        String host = String.valueOf(settings.getOrDefault("server.host", "0.0.0.0"));
        int port = port(settings.getOrDefault("server.port", DEFAULT_PORT), "server.port (--port)");
        settings.remove("server.host");
        settings.remove("server.port");
        return new StandaloneOptions(host, port, data, CoreConfig.fromMap(settings), help);
    }

    private static Map<String, String> readConfig(Path file, boolean required) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            if (required) throw new IllegalArgumentException("config file " + file + " does not exist");
            return values;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage());
        }
        for (String key : properties.stringPropertyNames()) values.put(key, properties.getProperty(key).trim());
        return values;
    }

    private static int port(Object value, String name) {
        try {
            int port = Integer.parseInt(value.toString().trim());
            if (port >= 0 && port <= 65535) return port;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a port number 0–65535, got \"" + value + "\"");
    }

    private static String firstOf(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) return a;
        if (b != null && !b.isBlank()) return b;
        return fallback;
    }
}
