package dev.audioviz.core;

import dev.audioviz.core.command.CommandSenderInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Remembers the engine's completions per (permissions, preceding arguments) so tab completion can answer on
 * the server thread without waiting for the script thread. The engine is asked with an empty last argument;
 * the typed prefix is filtered here. Bounded, least recently used first out.
 */
final class CommandSuggestions {
    static final int MAX_ENTRIES = 256;

    /** The answer for one request and what to ask the engine if it should be refreshed. */
    record Lookup(String key, List<String> argsForEngine, List<String> matches, boolean needsRefresh) {}

    private final Map<String, List<String>> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    synchronized Lookup lookup(CommandSenderInfo sender, List<String> args) {
        List<String> preceding = args.isEmpty() ? List.of() : args.subList(0, args.size() - 1);
        String prefix = args.isEmpty() ? "" : args.get(args.size() - 1).toLowerCase(Locale.ROOT);
        String key = String.join(",", sender.permissions()) + "\u0000" + String.join("\u0000", preceding);
        List<String> forEngine = new ArrayList<>(preceding);
        forEngine.add("");
        List<String> known = cache.get(key);
        List<String> matches = new ArrayList<>();
        if (known != null) {
            for (String option : known) if (option.toLowerCase(Locale.ROOT).startsWith(prefix)) matches.add(option);
        }
        return new Lookup(key, List.copyOf(forEngine), matches, true);
    }

    synchronized void store(String key, List<String> options) {
        cache.put(key, List.copyOf(options));
    }
}
