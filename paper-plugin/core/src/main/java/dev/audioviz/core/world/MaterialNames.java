package dev.audioviz.core.world;

/**
 * One spelling for every material name clients send: Bukkit's {@code SEA_LANTERN}, {@code sea_lantern} and
 * {@code minecraft:sea_lantern} all mean the Minecraft id {@code minecraft:sea_lantern}. Both platforms resolve
 * only what this returns, so no spelling reaches a registry lookup that would throw on it.
 */
public final class MaterialNames {
    /** Longer names are no Minecraft id (the wire allows 64 characters); they are refused before any work. */
    public static final int MAX_LENGTH = 128;
    private static final String DEFAULT_NAMESPACE = "minecraft";

    private MaterialNames() {}

    /**
     * The Minecraft id of {@code name}: trimmed, ASCII letters lower-cased, inner spaces as {@code _} (as
     * Bukkit's {@code Material.matchMaterial} reads them), {@code minecraft:} added when there is no namespace.
     * Null when it cannot be an id: null, empty, too long, a second {@code :}, or a character outside
     * {@code a-z 0-9 _ - .} ({@code /} too in the path). Non-ASCII letters are refused rather than folded, so
     * no look-alike character turns into another material.
     */
    public static String normalize(String name) {
        if (name == null) return null;
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) return null;
        StringBuilder id = new StringBuilder(trimmed.length() + DEFAULT_NAMESPACE.length() + 1);
        int colon = trimmed.indexOf(':');
        if (colon != trimmed.lastIndexOf(':')) return null;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
            else if (c == ' ') c = '_';
            if (i != colon && !allowed(c, i > colon)) return null;
            id.append(c);
        }
        if (colon == 0 || colon == id.length() - 1) return null;
        if (colon < 0) id.insert(0, DEFAULT_NAMESPACE + ':');
        return id.toString();
    }

    private static boolean allowed(char c, boolean inPath) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || inPath && c == '/';
    }
}
