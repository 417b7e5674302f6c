// Compile-only signature of the real Paper API (checked against PaperMC/Paper 1.21.4 and 26.x); never shipped.
package io.papermc.paper.command.brigadier;

import java.util.Collection;
import java.util.Collections;

public interface BasicCommand {
    void execute(CommandSourceStack commandSourceStack, String[] args);

    default Collection<String> suggest(final CommandSourceStack commandSourceStack, final String[] args) {
        return Collections.emptyList();
    }

    default String permission() {
        return null;
    }
}
