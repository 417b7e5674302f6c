// Compile-only signature of the real Paper API (checked against PaperMC/Paper 1.21.4 and 26.x); never shipped.
package io.papermc.paper.plugin.lifecycle.event.registrar;

import io.papermc.paper.plugin.lifecycle.event.LifecycleEvent;

public interface RegistrarEvent<R extends Registrar> extends LifecycleEvent {
    R registrar();
}
