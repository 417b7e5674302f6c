// Compile-only signature of the real Paper API (checked against PaperMC/Paper 1.21.4 and 26.x); never shipped.
package org.bukkit;

import net.kyori.adventure.text.Component;
import org.bukkit.block.data.BlockData;
import org.bukkit.command.ConsoleCommandSender;
import org.bukkit.entity.Player;
import org.bukkit.scheduler.BukkitScheduler;

public interface Server {
    Player getPlayerExact(String name);

    BukkitScheduler getScheduler();

    World getWorld(String name);

    int broadcast(Component message);

    ConsoleCommandSender getConsoleSender();

    BlockData createBlockData(String data) throws IllegalArgumentException;
}
