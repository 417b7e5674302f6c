package dev.audioviz.paper;

import dev.audioviz.core.AudioVizCore;
import dev.audioviz.core.command.CommandReply;
import dev.audioviz.core.command.CommandSenderInfo;
import io.papermc.paper.command.brigadier.BasicCommand;
import io.papermc.paper.command.brigadier.CommandSourceStack;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import net.kyori.adventure.text.Component;
import net.kyori.adventure.text.format.NamedTextColor;
import org.bukkit.Location;
import org.bukkit.command.CommandSender;
import org.bukkit.entity.Entity;

/**
 * {@code /audioviz} (alias {@code /av}): describes the sender, forwards the raw arguments and suggestions to
 * the engine, which owns the command tree and the permission checks, and prints the reply.
 */
final class PaperCommandBridge implements BasicCommand {
    private final AudioVizCore core;

    PaperCommandBridge(AudioVizCore core) {
        this.core = core;
    }

    @Override
    public void execute(CommandSourceStack source, String[] args) {
        CommandSender sender = source.getSender();
        // The core completes the reply on the server thread, so the sender is messaged from the right thread.
        core.command(describe(source), List.of(args)).thenAccept(reply -> print(sender, reply));
    }

    @Override
    public Collection<String> suggest(CommandSourceStack source, String[] args) {
        return core.suggest(describe(source), List.of(args));
    }

    private static void print(CommandSender sender, CommandReply reply) {
        NamedTextColor color = reply.ok() ? NamedTextColor.AQUA : NamedTextColor.RED;
        for (String line : reply.lines()) sender.sendMessage(Component.text(line, color));
    }

    private static CommandSenderInfo describe(CommandSourceStack source) {
        CommandSender sender = source.getSender();
        List<String> held = new ArrayList<>();
        for (String permission : CommandSenderInfo.PERMISSIONS) {
            if (sender.hasPermission(permission)) held.add(permission);
        }
        CommandSenderInfo.Location where = null;
        if (sender instanceof Entity) {
            Location l = source.getLocation();
            if (l.getWorld() != null) {
                where = new CommandSenderInfo.Location(l.getWorld().getName(), l.getX(), l.getY(), l.getZ(), l.getYaw());
            }
        }
        return new CommandSenderInfo(sender.getName(), held, where);
    }
}
