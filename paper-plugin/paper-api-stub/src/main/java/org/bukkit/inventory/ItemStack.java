// Compile-only signature of the real Paper API (checked against PaperMC/Paper 1.21.4 and 26.x); never shipped.
package org.bukkit.inventory;

import org.bukkit.Material;

public class ItemStack {
    protected ItemStack() {}

    public ItemStack(final Material type) {}
}
