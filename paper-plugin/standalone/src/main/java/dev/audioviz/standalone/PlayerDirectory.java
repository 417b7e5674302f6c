package dev.audioviz.standalone;

import java.util.logging.Logger;
import net.kyori.adventure.text.Component;
import net.minestom.server.MinecraftServer;
import net.minestom.server.entity.Player;

/** Chat lines to one player, to everyone, or to the console (the server log). */
public final class PlayerDirectory {
    private final Logger console;

    /** @param console where lines addressed to nobody (the console) are logged */
    public PlayerDirectory(Logger console) {
        this.console = console;
    }

    /** Sends {@code message} to the named online player, or logs it when {@code player} is null or offline. */
    public void sendMessage(String player, String message) {
        Player target = player == null ? null
                : MinecraftServer.getConnectionManager().getOnlinePlayerByUsername(player);
        if (target == null) {
            console.info(player == null ? message : "(to " + player + ", offline) " + message);
            return;
        }
        target.sendMessage(Component.text(message));
    }

    /** Sends {@code message} to every online player and logs it. */
    public void broadcast(String message) {
        Component line = Component.text(message);
        for (Player p : MinecraftServer.getConnectionManager().getOnlinePlayers()) p.sendMessage(line);
        console.info(message);
    }
}
