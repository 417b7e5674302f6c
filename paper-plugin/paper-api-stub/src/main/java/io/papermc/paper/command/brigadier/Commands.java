// Compile-only signature of the real Paper API (checked against PaperMC/Paper 1.21.4 and 26.x); never shipped.
package io.papermc.paper.command.brigadier;

import io.papermc.paper.plugin.lifecycle.event.registrar.Registrar;
import java.util.Collection;
import java.util.Set;

public interface Commands extends Registrar {
    Set<String> register(String label, String description, Collection<String> aliases, BasicCommand basicCommand);
}
