package dev.audioviz.standalone;

import dev.audioviz.core.world.FaultLog;
import dev.audioviz.core.world.MaterialNames;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import net.minestom.server.instance.block.Block;
import net.minestom.server.item.ItemStack;
import net.minestom.server.item.Material;

/**
 * Resolves the engine's material names once per material index, in any spelling {@link MaterialNames} reads
 * ("SEA_LANTERN", "minecraft:sea_lantern"). The engine's list is append-only, so an index keeps its meaning for
 * the whole session. A name that is no block / item here is shown as {@link #FALLBACK_BLOCK} /
 * {@link #FALLBACK_ITEM} and reported once; resolving never throws, since it runs inside the server tick.
 */
final class MaterialCache {
    static final Block FALLBACK_BLOCK = Block.WHITE_CONCRETE;
    static final Material FALLBACK_ITEM = Material.WHITE_CONCRETE;

    private final FaultLog faults;
    private Block[] blocks = new Block[0];
    private ItemStack[] items = new ItemStack[0];

    MaterialCache(FaultLog faults) {
        this.faults = faults;
    }

    Block block(int index, List<String> materials) {
        // An index outside the list (the engine never sends one) must not size the cache.
        if (index < 0 || index >= materials.size()) return FALLBACK_BLOCK;
        if (index >= blocks.length) blocks = Arrays.copyOf(blocks, materials.size());
        Block block = blocks[index];
        if (block == null) {
            String name = name(index, materials);
            block = lookup(name, Block::fromKey);
            if (block == null) {
                report(name, "block");
                block = FALLBACK_BLOCK;
            }
            blocks[index] = block;
        }
        return block;
    }

    ItemStack item(int index, List<String> materials) {
        if (index < 0 || index >= materials.size()) return ItemStack.of(FALLBACK_ITEM);
        if (index >= items.length) items = Arrays.copyOf(items, materials.size());
        ItemStack item = items[index];
        if (item == null) {
            String name = name(index, materials);
            Material material = lookup(name, Material::fromKey);
            if (material == null) {
                report(name, "item");
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

    /** The registry entry of a name, or null when it is none (a registry that still throws counts as none). */
    private static <T> T lookup(String name, Function<String, T> registry) {
        String id = MaterialNames.normalize(name);
        if (id == null) return null;
        try {
            return registry.apply(id);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void report(String name, String kind) {
        String shown = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        faults.once("material " + kind + ' ' + shown, "Unknown " + kind + " \"" + shown + "\" in the engine's"
                + " materials; showing " + (kind.equals("block") ? FALLBACK_BLOCK.key() : FALLBACK_ITEM.key())
                + " instead. Use a Minecraft 26.1 id such as minecraft:sea_lantern or SEA_LANTERN.", null);
    }
}
