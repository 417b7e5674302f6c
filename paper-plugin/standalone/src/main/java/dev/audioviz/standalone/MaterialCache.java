package dev.audioviz.standalone;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import net.minestom.server.instance.block.Block;
import net.minestom.server.item.ItemStack;
import net.minestom.server.item.Material;

/**
 * Resolves the engine's material ids ("minecraft:sea_lantern") once per material index. The engine's list is
 * append-only, so an index keeps its meaning for the whole session. An unknown id is shown as
 * {@link #FALLBACK_BLOCK} / {@link #FALLBACK_ITEM} and reported once.
 */
final class MaterialCache {
    static final Block FALLBACK_BLOCK = Block.WHITE_CONCRETE;
    static final Material FALLBACK_ITEM = Material.WHITE_CONCRETE;

    private final Logger logger;
    private final Set<String> reported = new HashSet<>();
    private Block[] blocks = new Block[0];
    private ItemStack[] items = new ItemStack[0];

    MaterialCache(Logger logger) {
        this.logger = logger;
    }

    Block block(int index, List<String> materials) {
        if (index >= blocks.length) blocks = Arrays.copyOf(blocks, Math.max(index + 1, materials.size()));
        if (index < 0) return FALLBACK_BLOCK;
        Block block = blocks[index];
        if (block == null) {
            String id = name(index, materials);
            block = Block.fromKey(id);
            if (block == null) {
                report(id, "block");
                block = FALLBACK_BLOCK;
            }
            blocks[index] = block;
        }
        return block;
    }

    ItemStack item(int index, List<String> materials) {
        if (index >= items.length) items = Arrays.copyOf(items, Math.max(index + 1, materials.size()));
        if (index < 0) return ItemStack.of(FALLBACK_ITEM);
        ItemStack item = items[index];
        if (item == null) {
            String id = name(index, materials);
            Material material = Material.fromKey(id);
            if (material == null) {
                report(id, "item");
                material = FALLBACK_ITEM;
            }
            item = ItemStack.of(material);
            items[index] = item;
        }
        return item;
    }

    /** The id at {@code index}, or "" when the engine sent an index outside its list. */
    String name(int index, List<String> materials) {
        return index >= 0 && index < materials.size() ? materials.get(index) : "";
    }

    private void report(String id, String kind) {
        if (reported.add(kind + id)) {
            logger.warning("Unknown " + kind + " \"" + id + "\" in the engine's materials; showing "
                    + (kind.equals("block") ? FALLBACK_BLOCK.key() : FALLBACK_ITEM.key()) + " instead."
                    + " Use a Minecraft 26.1 id such as minecraft:sea_lantern.");
        }
    }
}
