// Compile-only signature of the real Paper API (checked against PaperMC/Paper 1.21.4 and 26.x); never shipped.
package io.papermc.paper.plugin.lifecycle.event.types;

import io.papermc.paper.plugin.lifecycle.event.LifecycleEvent;
import io.papermc.paper.plugin.lifecycle.event.LifecycleEventOwner;
import io.papermc.paper.plugin.lifecycle.event.handler.configuration.LifecycleEventHandlerConfiguration;
import io.papermc.paper.plugin.lifecycle.event.handler.configuration.PrioritizedLifecycleEventHandlerConfiguration;

public interface LifecycleEventType<O extends LifecycleEventOwner, E extends LifecycleEvent,
        C extends LifecycleEventHandlerConfiguration<O>> {
    interface Prioritizable<O extends LifecycleEventOwner, E extends LifecycleEvent>
            extends LifecycleEventType<O, E, PrioritizedLifecycleEventHandlerConfiguration<O>> {}
}
