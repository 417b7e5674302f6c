// Compile-only signature of the real Paper API (checked against PaperMC/Paper 1.21.4 and 26.x); never shipped.
package io.papermc.paper.command.brigadier;

import org.bukkit.Location;
import org.bukkit.command.CommandSender;

public interface CommandSourceStack {
    Location getLocation();

    CommandSender getSender();
}
