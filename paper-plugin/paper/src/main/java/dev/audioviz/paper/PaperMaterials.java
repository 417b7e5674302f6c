package dev.audioviz.paper;

import dev.audioviz.core.world.FaultLog;
import dev.audioviz.core.world.MaterialNames;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import net.kyori.adventure.text.Component;
import org.bukkit.Material;
import org.bukkit.Server;
import org.bukkit.block.data.BlockData;
import org.bukkit.inventory.ItemStack;

/**
 * Resolves the engine's material names, in any spelling {@link MaterialNames} reads ("SEA_LANTERN",
 * "minecraft:sea_lantern"), into block data, item stacks and text, each once per material index and only for
 * the kinds that use it. The engine's list is append-only, so an index keeps its meaning for the whole session.
 * A name that is no block / item on this server is shown as {@link #FALLBACK} and reported once per kind;
 * resolving never throws, since it runs inside the server tick.
 */
final class PaperMaterials {
    static final String FALLBACK = "minecraft:white_concrete";

    private final Server server;
    private final Function<String, ItemStack> itemStacks;
    private final FaultLog faults;
    private List<String> materials = List.of();
    private BlockData[] blocks = new BlockData[0];
    private ItemStack[] items = new ItemStack[0];
    private Component[] texts = new Component[0];
    private BlockData fallbackBlock;
    private ItemStack fallbackItem;

    /**
     * @param itemStacks the item stack of a material id, or null when the server has no such item
     *     ({@link #itemStack} on a server)
     */
    PaperMaterials(Server server, Function<String, ItemStack> itemStacks, FaultLog faults) {
        this.server = server;
        this.itemStacks = itemStacks;
        this.faults = faults;
    }

    /** The server's item stack of {@code id}, or null when it is not an item there. */
    static ItemStack itemStack(String id) {
        Material material = Material.matchMaterial(id);
        return material != null && material.isItem() ? new ItemStack(material) : null;
    }

    /** Takes the diff's material list; called once per apply, allocates only when the list grew. */
    void use(List<String> materials) {
        this.materials = materials;
        int n = materials.size();
        if (n > blocks.length) {
            n = Math.max(n, blocks.length * 2);
            blocks = Arrays.copyOf(blocks, n);
            items = Arrays.copyOf(items, n);
            texts = Arrays.copyOf(texts, n);
        }
    }

    /** The block data of material {@code index}, or null when the index is outside the list. */
    BlockData block(int index) {
        if (index < 0 || index >= materials.size()) return null;
        BlockData data = blocks[index];
        if (data == null) {
            String name = materials.get(index);
            String id = MaterialNames.normalize(name);
            try {
                data = id == null ? null : server.createBlockData(id);
            } catch (RuntimeException e) {
                data = null; // Paper throws IllegalArgumentException for a name that is no block
            }
            if (data == null) {
                report(name, "block");
                if (fallbackBlock == null) fallbackBlock = server.createBlockData(FALLBACK);
                data = fallbackBlock;
            }
            blocks[index] = data;
        }
        return data;
    }

    /** The item stack of material {@code index}, or null when the index is outside the list. */
    ItemStack item(int index) {
        if (index < 0 || index >= materials.size()) return null;
        ItemStack item = items[index];
        if (item == null) {
            String name = materials.get(index);
            String id = MaterialNames.normalize(name);
            try {
                item = id == null ? null : itemStacks.apply(id);
            } catch (RuntimeException e) {
                item = null;
            }
            if (item == null) {
                report(name, "item");
                if (fallbackItem == null) fallbackItem = itemStacks.apply(FALLBACK);
                item = fallbackItem;
            }
            items[index] = item;
        }
        return item;
    }

    /** The material's id as text, or null when the index is outside the list. */
    Component text(int index) {
        if (index < 0 || index >= materials.size()) return null;
        Component text = texts[index];
        if (text == null) {
            text = Component.text(materials.get(index));
            texts[index] = text;
        }
        return text;
    }

    private void report(String name, String kind) {
        faults.once("material " + kind + ' ' + name, "AudioViz material " + name + " is not a"
                + (kind.equals("item") ? "n " : " ") + kind + " on this server; showing " + FALLBACK + " instead",
                null);
    }
}
