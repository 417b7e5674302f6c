// Compile-only signature of the real Paper API (checked against PaperMC/Paper 1.21.4 and 26.x); never shipped.
package org.bukkit.entity;

import net.kyori.adventure.text.Component;

public interface TextDisplay extends Display {
    void text(Component text);
}
