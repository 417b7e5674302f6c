// Compile-only signature of the real Paper API (checked against PaperMC/Paper 1.21.4 and 26.x); never shipped.
package io.papermc.paper.plugin.lifecycle.event.types;

import io.papermc.paper.command.brigadier.Commands;
import io.papermc.paper.plugin.lifecycle.event.LifecycleEventOwner;
import io.papermc.paper.plugin.lifecycle.event.registrar.ReloadableRegistrarEvent;

public final class LifecycleEvents {
    public static final LifecycleEventType.Prioritizable<LifecycleEventOwner, ReloadableRegistrarEvent<Commands>> COMMANDS =
            null;

    private LifecycleEvents() {}
}
