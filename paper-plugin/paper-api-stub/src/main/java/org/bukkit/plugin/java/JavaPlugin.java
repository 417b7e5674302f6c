// Compile-only signature of the real Paper API (checked against PaperMC/Paper 1.21.4 and 26.x); never shipped.
package org.bukkit.plugin.java;

import io.papermc.paper.plugin.lifecycle.event.LifecycleEventManager;
import java.io.File;
import java.util.logging.Logger;
import org.bukkit.Server;
import org.bukkit.configuration.file.FileConfiguration;
import org.bukkit.plugin.Plugin;
import org.bukkit.plugin.PluginBase;

public abstract class JavaPlugin extends PluginBase {
    public JavaPlugin() {}

    public final File getDataFolder() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public final Server getServer() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public FileConfiguration getConfig() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void saveDefaultConfig() {}

    public Logger getLogger() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public final LifecycleEventManager<Plugin> getLifecycleManager() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void onDisable() {}

    public void onEnable() {}
}
