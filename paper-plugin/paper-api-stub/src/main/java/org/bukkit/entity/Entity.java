// Compile-only signature of the real Paper API (checked against PaperMC/Paper 1.21.4 and 26.x); never shipped.
package org.bukkit.entity;

import org.bukkit.Location;
import org.bukkit.command.CommandSender;

public interface Entity extends CommandSender {
    Location getLocation();

    void remove();

    boolean isValid();

    void setPersistent(boolean persistent);

    void setGlowing(boolean flag);
}
