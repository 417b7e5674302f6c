package dev.audioviz.core.command;

import java.util.List;

/**
 * Who runs {@code /audioviz}, as the platform describes them to the engine (scripts/src/host.ts
 * {@code CommandSender}).
 *
 * @param name player name, or "CONSOLE"
 * @param permissions which of {@link #PERMISSIONS} the sender holds
 * @param location where a player stands; null for the console
 */
public record CommandSenderInfo(String name, List<String> permissions, Location location) {
    /** The permissions the engine checks; platforms test each and pass the ones held. */
    public static final List<String> PERMISSIONS = List.of("audioviz.admin", "audioviz.zone", "audioviz.control");

    public CommandSenderInfo {
        permissions = List.copyOf(permissions);
    }

    /** The console: every permission, no location. */
    public static CommandSenderInfo console() {
        return new CommandSenderInfo("CONSOLE", PERMISSIONS, null);
    }

    /** A block position and yaw (degrees) in a named world. */
    public record Location(String world, double x, double y, double z, double yaw) {}
}
