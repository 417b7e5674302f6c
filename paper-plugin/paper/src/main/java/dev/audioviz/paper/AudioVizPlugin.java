package dev.audioviz.paper;

import dev.audioviz.core.AudioVizCore;
import dev.audioviz.core.config.CoreConfig;
import io.papermc.paper.plugin.lifecycle.event.types.LifecycleEvents;
import java.io.IOException;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.bukkit.plugin.java.JavaPlugin;
import org.bukkit.scheduler.BukkitTask;

/**
 * The Paper plugin: reads config.yml, fills the core's ports (display world, logger, data folder, clock),
 * drives {@link AudioVizCore#onServerTick()} every tick and registers {@code /audioviz}. Nothing else.
 */
public final class AudioVizPlugin extends JavaPlugin {
    private AudioVizCore core;
    private BukkitTask ticker;

    @Override
    public void onEnable() {
        saveDefaultConfig();
        Map<String, Object> values = scalars(getConfig().getValues(true));
        CoreConfig config;
        DisplaySettings display;
        try {
            config = CoreConfig.fromMap(values);
            display = DisplaySettings.fromMap(values);
        } catch (IllegalArgumentException e) {
            getLogger().severe("config.yml: " + e.getMessage() + "; AudioViz stays off until it is fixed");
            return;
        }
        PaperDisplayWorld world = new PaperDisplayWorld(getServer(), getLogger(), display);
        core = new AudioVizCore(config, world, getLogger(), getDataFolder().toPath(), InstantSource.system(),
                AudioVizCore.SERVER_TYPE_PAPER);
        try {
            core.start();
        } catch (IOException | RuntimeException e) {
            getLogger().log(Level.SEVERE, "AudioViz did not start: " + e.getMessage(), e);
            core = null;
            return;
        }
        AudioVizCore started = core;
        ticker = getServer().getScheduler().runTaskTimer(this, started::onServerTick, 1L, 1L);
        getLifecycleManager().registerEventHandler(LifecycleEvents.COMMANDS, event -> event.registrar()
                .register("audioviz", "AudioViz light show: zones, patterns, scenes", List.of("av"),
                        new PaperCommandBridge(started)));
    }

    @Override
    public void onDisable() {
        if (ticker != null) ticker.cancel();
        if (core != null) core.stop();
        core = null;
    }

    /** Config values with sections dropped (getValues(true) lists both "socket" and "socket.port"). */
    private static Map<String, Object> scalars(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) out.put(key, value);
        });
        return out;
    }
}
