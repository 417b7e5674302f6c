// Compile-only signature of the real Paper API (checked against PaperMC/Paper 1.21.4 and 26.x); never shipped.
package org.bukkit;

import java.util.List;
import org.bukkit.entity.Player;
import org.bukkit.generator.WorldInfo;

public interface World extends RegionAccessor, WorldInfo {
    List<Player> getPlayers();
}
