// Compile-only signature of the real Paper API (checked against PaperMC/Paper 1.21.4 and 26.x); never shipped.
package org.bukkit.plugin;

import io.papermc.paper.plugin.lifecycle.event.LifecycleEventManager;
import io.papermc.paper.plugin.lifecycle.event.LifecycleEventOwner;
import java.util.logging.Logger;

public interface Plugin extends LifecycleEventOwner {
    Logger getLogger();

    LifecycleEventManager<Plugin> getLifecycleManager();
}
