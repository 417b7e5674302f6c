// Compile-only signature of the real Paper API (checked against PaperMC/Paper 1.21.4 and 26.x); never shipped.
package org.bukkit;

import java.util.function.Consumer;
import org.bukkit.entity.Entity;

public interface RegionAccessor {
    <T extends Entity> T spawn(Location location, Class<T> clazz, Consumer<? super T> function)
            throws IllegalArgumentException;
}
