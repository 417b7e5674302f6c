// Compile-only signature of the real Paper API (checked against PaperMC/Paper 1.21.4 and 26.x); never shipped.
package org.bukkit.entity;

import org.bukkit.inventory.ItemStack;

public interface ItemDisplay extends Display {
    void setItemStack(ItemStack item);
}
