package dev.audioviz.core.config;

import dev.audioviz.core.net.ProtocolLimits;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the core reads from configuration, as plain values. Platforms load their own file format
 * (Paper's config.yml, the standalone server's flags) into a {@code Map} and call {@link #fromMap}.
 *
 * @param bindAddress address the :8765 socket binds to ("127.0.0.1" keeps it local; any other address
 *     requires {@code token} or {@code tokenHash})
 * @param port :8765 port, 0 picks a free one (tests), 1–65535 otherwise
 * @param token plain shared secret for {@code auth}, or empty
 * @param tokenHash the secret stored salted and hashed (see {@code TokenVerifier#hash}), or empty; wins
 *     over {@code token}
 * @param queueCapacity inbound message queue, messages, 1–100 000 (oldest dropped when full)
 * @param maxEntitiesPerZone entity cap per zone, 1–{@value ProtocolLimits#MAX_ENTITIES_PER_ZONE}
 * @param patternBudgetMs per-pattern time budget inside one engine tick, ms (the engine enforces it)
 * @param engineCallBudget wall time one engine call may take before the watchdog interrupts it
 * @param announceRadius blocks around a zone in which players see its announcements
 * @param seed seed of the patterns' random source
 * @param warmupTicks engine ticks after each (re)load during which every engine call gets a 1 s budget instead
 *     of {@code engineCallBudget}, because GraalJS runs cold code slowly at first; 0 applies it at once
 * @param tickDelay how long after the server's tick signal the engine tick starts, 0–45 ms: a tick that starts
 *     late in the 50 ms interval still finishes before the next server tick applies it, and takes in the audio
 *     that arrived meanwhile, which cuts the audio-to-light latency by about that much
 */
public record CoreConfig(
        String bindAddress,
        int port,
        String token,
        String tokenHash,
        int queueCapacity,
        int maxEntitiesPerZone,
        double patternBudgetMs,
        Duration engineCallBudget,
        double announceRadius,
        long seed,
        int warmupTicks,
        Duration tickDelay) {

    /** Defaults: loopback on {@value ProtocolLimits#PLUGIN_PORT}, no token, docs/protocol.md limits. */
    public static final CoreConfig DEFAULTS = new CoreConfig(
            "127.0.0.1",
            ProtocolLimits.PLUGIN_PORT,
            "",
            "",
            ProtocolLimits.PLUGIN_QUEUE_CAPACITY,
            256,
            // Budgets sized for a stock JDK, where GraalJS interprets: a 1024-entity zone's tick takes 1–2.5 ms
            // there (well under 0.2 ms once compiled), so 20 ms leaves room for many zones, and a runaway call
            // ends well inside one 50 ms tick. The call budget counts the script thread's CPU time, so a loaded
            // machine or a GC pause does not cut a normal tick short.
            15,
            Duration.ofMillis(20),
            48,
            1,
            200,
            Duration.ofMillis(40));

    public CoreConfig {
        require(bindAddress != null && !bindAddress.isBlank(), "socket.bind must name an address");
        require(port >= 0 && port <= 65535, "socket.port must be 0–65535, got " + port);
        token = token == null ? "" : token;
        tokenHash = tokenHash == null ? "" : tokenHash;
        require(queueCapacity >= 1 && queueCapacity <= 100_000, "engine.queue_capacity must be 1–100000");
        require(
                maxEntitiesPerZone >= 1 && maxEntitiesPerZone <= ProtocolLimits.MAX_ENTITIES_PER_ZONE,
                "engine.max_entities_per_zone must be 1–" + ProtocolLimits.MAX_ENTITIES_PER_ZONE);
        require(patternBudgetMs > 0 && patternBudgetMs <= 1000, "engine.pattern_budget_ms must be in (0, 1000]");
        require(tickDelay != null && !tickDelay.isNegative() && tickDelay.toMillis() <= 45,
                "engine.tick_delay_ms must be in [0, 45] so the tick still ends before the next server tick");
        require(
                engineCallBudget != null && !engineCallBudget.isNegative() && !engineCallBudget.isZero(),
                "engine.call_budget_ms must be positive");
        require(announceRadius > 0, "announce_radius must be positive");
        require(warmupTicks >= 0, "engine.warmup_ticks must be ≥ 0");
    }

    /** True when a secret is configured, so clients must authenticate first. */
    public boolean requiresAuth() {
        return !token.isEmpty() || !tokenHash.isEmpty();
    }

    /**
     * Reads the keys below (nested maps are flattened with dots, so a YAML section works as well as
     * {@code "socket.port"}); a missing key keeps its default.
     *
     * <pre>
     * socket.bind, socket.port, socket.token, socket.token_hash,
     * engine.queue_capacity, engine.max_entities_per_zone, engine.pattern_budget_ms, engine.call_budget_ms,
     * engine.seed, engine.warmup_ticks, announce_radius
     * </pre>
     *
     * @throws IllegalArgumentException naming the key when a value has the wrong type or range
     */
    public static CoreConfig fromMap(Map<String, ?> source) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", source, flat);
        CoreConfig d = DEFAULTS;
        return new CoreConfig(
                string(flat, "socket.bind", d.bindAddress),
                (int) number(flat, "socket.port", d.port),
                string(flat, "socket.token", d.token),
                string(flat, "socket.token_hash", d.tokenHash),
                (int) number(flat, "engine.queue_capacity", d.queueCapacity),
                (int) number(flat, "engine.max_entities_per_zone", d.maxEntitiesPerZone),
                number(flat, "engine.pattern_budget_ms", d.patternBudgetMs),
                Duration.ofMillis((long) number(flat, "engine.call_budget_ms", d.engineCallBudget.toMillis())),
                number(flat, "announce_radius", d.announceRadius),
                (long) number(flat, "engine.seed", d.seed),
                (int) number(flat, "engine.warmup_ticks", d.warmupTicks),
                Duration.ofMillis((long) number(flat, "engine.tick_delay_ms", d.tickDelay.toMillis())));
    }

    private static void flatten(String prefix, Map<String, ?> source, Map<String, Object> into) {
        for (Map.Entry<String, ?> e : source.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, ?> typed = (Map<String, ?>) nested;
                flatten(key + ".", typed, into);
            } else {
                into.put(key, e.getValue());
            }
        }
    }

    private static String string(Map<String, Object> flat, String key, String fallback) {
        Object value = flat.get(key);
        if (value == null) return fallback;
        if (value instanceof String || value instanceof Number) return value.toString();
        throw new IllegalArgumentException(key + " must be a string, got " + value);
    }

    private static double number(Map<String, Object> flat, String key, double fallback) {
        Object value = flat.get(key);
        if (value == null) return fallback;
        if (value instanceof Number n) return n.doubleValue();
        try {
            return Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got \"" + value + "\"");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
