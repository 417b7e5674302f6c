package dev.audioviz.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.audioviz.core.world.EngineDiff;
import dev.audioviz.core.world.ZoneAnchor;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import net.kyori.adventure.text.Component;
import org.bukkit.Server;
import org.bukkit.World;
import org.bukkit.block.data.BlockData;
import org.bukkit.entity.BlockDisplay;
import org.bukkit.entity.Display;
import org.bukkit.entity.ItemDisplay;
import org.bukkit.entity.TextDisplay;
import org.bukkit.inventory.ItemStack;
import org.junit.jupiter.api.Test;

/**
 * PaperDisplayWorld against recording fakes of the Paper interfaces (the API is compile-only here, so this
 * checks the calls and their order, not a running server).
 */
class PaperDisplayWorldTest {
    private final List<String> calls = new ArrayList<>();
    private final List<FakeDisplay> spawned = new ArrayList<>();
    private int blockDataCreated;
    /** Material id → block data / item stack the fake server made for it (unknown ids are not in these). */
    private final Map<String, BlockData> blockData = new HashMap<>();
    private final Map<String, ItemStack> itemStacks = new HashMap<>();
    private final List<String> itemStacksAsked = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final World world = fake(World.class, (name, args) -> switch (name) {
        case "spawn" -> spawn(args);
        case "getName" -> "world";
        default -> null;
    });
    private final Server server = fake(Server.class, (name, args) -> switch (name) {
        case "getWorld" -> "world".equals(args[0]) ? world : null;
        case "createBlockData" -> {
            blockDataCreated++;
            String id = (String) args[0];
            if (id.contains("unknown")) throw new IllegalArgumentException("no block " + id);
            yield blockData.computeIfAbsent(id, k -> fake(BlockData.class, (n, a) -> null));
        }
        default -> null;
    });
    private final PaperDisplayWorld displays =
            new PaperDisplayWorld(server, logger(), DisplaySettings.DEFAULTS, this::itemStack);

    /** An item stack the test can tell apart (ItemStack is a class: subclassed, not proxied). */
    private static final class FakeItemStack extends ItemStack {
        final String id;

        FakeItemStack(String id) {
            this.id = id;
        }
    }

    private ItemStack itemStack(String id) {
        itemStacksAsked.add(id);
        return id.contains("unknown") ? null : itemStacks.computeIfAbsent(id, FakeItemStack::new);
    }

    private Logger logger() {
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
        return logger;
    }

    private final class FakeDisplay {
        final int id = spawned.size();
        final Class<? extends Display> type;
        boolean removed;
        /** Method name → the first argument of its last call. */
        final Map<String, Object> last = new HashMap<>();
        final Display proxy;

        FakeDisplay(Class<? extends Display> type) {
            this.type = type;
            this.proxy = fake(type, (name, args) -> {
                if (name.equals("isValid")) return !removed;
                if (name.equals("remove")) removed = true;
                if (args != null && args.length > 0) last.put(name, args[0]);
                calls.add("#" + id + " " + name
                        + (args == null || args.length == 0 ? "" : "(" + describe(args[0]) + ")"));
                return null;
            });
        }
    }

    private Object spawn(Object[] args) {
        @SuppressWarnings("unchecked")
        FakeDisplay display = new FakeDisplay((Class<? extends Display>) args[1]);
        spawned.add(display);
        calls.add("spawn " + ((Class<?>) args[1]).getSimpleName());
        @SuppressWarnings("unchecked")
        Consumer<Object> init = (Consumer<Object>) args[2];
        init.accept(display.proxy);
        calls.add("spawned #" + display.id);
        return display.proxy;
    }

    private static String describe(Object arg) {
        if (arg instanceof FakeItemStack item) return "ItemStack " + item.id;
        if (arg instanceof Component) return "Component";
        return arg == null || arg instanceof Number || arg instanceof Boolean ? String.valueOf(arg)
                : arg.getClass().getSimpleName().replaceAll("\\$Proxy.*|Proxy\\d+", "proxy");
    }

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> type.getSimpleName();
                    default -> answer.apply(method.getName(), args);
                });
    }

    private static final List<String> MATERIALS =
            List.of("minecraft:sea_lantern", "minecraft:glowstone", "minecraft:unknown_thing");

    /** A one-record diff for zone 0, entity {@code index}: a block of material 0. */
    private static EngineDiff record(int index, int flags) {
        return record(index, flags, EngineDiff.KIND_BLOCK, 0);
    }

    /** A one-record diff for zone 0, entity {@code index}, of the given kind and material index. */
    private static EngineDiff record(int index, int flags, int kind, int material) {
        int[] ints = {0, index, flags, material, 12, -1, 3, kind};
        float[] floats = {1, 2, 3, 0.5f, 0, 0, 0, 1};
        return new EngineDiff(1, ints, floats, List.of(new ZoneAnchor("stage", "world", 0, 64, 0)), MATERIALS);
    }

    /** The calls made inside the spawn consumer of the first entity spawned since {@link #calls} was cleared. */
    private List<String> inSpawnConsumer() {
        int start = 0;
        while (!calls.get(start).startsWith("spawn ")) start++;
        int id = spawned.size() - 1;
        return calls.subList(start + 1, calls.indexOf("spawned #" + id));
    }

    @Test
    void spawnsWithTheFinalStateSetInsideTheSpawnConsumer() {
        displays.apply(record(0, EngineDiff.SPAWN | EngineDiff.TRANSFORM | EngineDiff.RESTART_INTERPOLATION));
        int done = calls.indexOf("spawned #0");
        List<String> inConsumer = calls.subList(1, done);
        assertEquals("spawn BlockDisplay", calls.get(0));
        assertTrue(inConsumer.contains("#0 setPersistent(false)"), inConsumer.toString());
        assertTrue(inConsumer.contains("#0 setBlock(proxy)"), inConsumer.toString());
        assertTrue(inConsumer.contains("#0 setTransformation(Transformation)"), inConsumer.toString());
        assertTrue(inConsumer.contains("#0 setBrightness(Brightness)"), inConsumer.toString());
        assertTrue(inConsumer.contains("#0 setGlowing(false)"), inConsumer.toString());
        assertTrue(inConsumer.contains("#0 setDisplayWidth(64.0)"), inConsumer.toString());
        assertTrue(inConsumer.contains("#0 setDisplayHeight(32.0)"), inConsumer.toString());
        assertEquals(done + 1, calls.size(), "nothing is set after the entity is in the world");
    }

    @Test
    void setsTheTransformationThenRestartsInterpolationWithItsDuration() {
        displays.apply(record(0, EngineDiff.SPAWN));
        calls.clear();
        displays.apply(record(0, EngineDiff.TRANSFORM | EngineDiff.RESTART_INTERPOLATION));
        assertEquals(List.of("#0 setTransformation(Transformation)", "#0 setInterpolationDuration(3)",
                "#0 setInterpolationDelay(0)"), calls);
    }

    @Test
    void removesAnEntityAndSpawnsItAgainWhenTheEngineDoes() {
        displays.apply(record(5, EngineDiff.SPAWN));
        displays.apply(record(5, EngineDiff.REMOVE));
        assertTrue(spawned.get(0).removed);
        displays.apply(record(5, EngineDiff.SPAWN));
        assertEquals(2, spawned.size());
    }

    @Test
    void respawnsAnEntityTheServerUnloaded() {
        displays.apply(record(1, EngineDiff.SPAWN));
        spawned.get(0).removed = true; // e.g. its chunk unloaded
        displays.apply(record(1, EngineDiff.TRANSFORM));
        assertEquals(2, spawned.size());
    }

    @Test
    void removesEverythingItSpawned() {
        displays.apply(record(0, EngineDiff.SPAWN));
        displays.apply(record(1, EngineDiff.SPAWN));
        displays.removeAll();
        assertTrue(spawned.stream().allMatch(d -> d.removed));
    }

    @Test
    void parsesEachMaterialOnce() {
        for (int i = 0; i < 10; i++) displays.apply(record(i, EngineDiff.SPAWN));
        assertEquals(1, blockDataCreated);
    }

    @Test
    void skipsRecordsOutsideTheProtocolsRanges() {
        int[] ints = {0, 5000, EngineDiff.SPAWN, 0, 12, -1, 3, 0};
        displays.apply(new EngineDiff(1, ints, new float[8], List.of(new ZoneAnchor("stage", "world", 0, 64, 0)),
                List.of("minecraft:stone")));
        assertEquals(0, spawned.size());
    }

    @Test
    void anItemKindRecordSpawnsAnItemDisplayWithAnItemStackOfTheMaterial() {
        displays.apply(record(0, EngineDiff.SPAWN | EngineDiff.TRANSFORM, EngineDiff.KIND_ITEM, 1));
        assertEquals("spawn ItemDisplay", calls.get(0));
        assertInstanceOf(ItemDisplay.class, spawned.get(0).proxy);
        List<String> inConsumer = inSpawnConsumer();
        assertTrue(inConsumer.contains("#0 setItemStack(ItemStack minecraft:glowstone)"), inConsumer.toString());
        assertSame(itemStacks.get("minecraft:glowstone"), spawned.get(0).last.get("setItemStack"));
        // Everything the Display API does applies to every kind, still before the entity is in the world.
        assertTrue(inConsumer.contains("#0 setPersistent(false)"), inConsumer.toString());
        assertTrue(inConsumer.contains("#0 setTransformation(Transformation)"), inConsumer.toString());
        assertTrue(inConsumer.contains("#0 setInterpolationDuration(3)"), inConsumer.toString());
        assertTrue(inConsumer.contains("#0 setBrightness(Brightness)"), inConsumer.toString());
        assertTrue(inConsumer.contains("#0 setGlowing(false)"), inConsumer.toString());
        assertTrue(inConsumer.contains("#0 setDisplayWidth(64.0)"), inConsumer.toString());
        assertFalse(inConsumer.stream().anyMatch(c -> c.contains("setBlock")), inConsumer.toString());
        assertEquals(List.of("minecraft:glowstone"), itemStacksAsked);
    }

    @Test
    void aTextKindRecordSpawnsATextDisplayShowingTheMaterialsName() {
        displays.apply(record(0, EngineDiff.SPAWN, EngineDiff.KIND_TEXT, 0));
        assertEquals("spawn TextDisplay", calls.get(0));
        assertInstanceOf(TextDisplay.class, spawned.get(0).proxy);
        List<String> inConsumer = inSpawnConsumer();
        assertTrue(inConsumer.contains("#0 text(Component)"), inConsumer.toString());
        assertTrue(inConsumer.contains("#0 setPersistent(false)"), inConsumer.toString());
        assertTrue(inConsumer.contains("#0 setTransformation(Transformation)"), inConsumer.toString());
        assertEquals(Component.text("minecraft:sea_lantern"), spawned.get(0).last.get("text"));
    }

    @Test
    void aKindChangeReplacesTheEntityWithOneOfTheNewKind() {
        displays.apply(record(4, EngineDiff.SPAWN));
        assertInstanceOf(BlockDisplay.class, spawned.get(0).proxy);
        calls.clear();
        // The zone's kind changed: the engine's next record for the live entity carries the new kind.
        displays.apply(record(4, EngineDiff.TRANSFORM, EngineDiff.KIND_ITEM, 0));
        assertTrue(spawned.get(0).removed);
        assertEquals(2, spawned.size());
        assertInstanceOf(ItemDisplay.class, spawned.get(1).proxy);
        assertEquals("#0 remove", calls.get(0), "the old entity goes before the new one comes");
        assertEquals("spawn ItemDisplay", calls.get(1));
        assertSame(itemStacks.get("minecraft:sea_lantern"), spawned.get(1).last.get("setItemStack"));
        calls.clear();
        displays.apply(record(4, EngineDiff.TRANSFORM, EngineDiff.KIND_TEXT, 0));
        assertTrue(spawned.get(1).removed);
        assertInstanceOf(TextDisplay.class, spawned.get(2).proxy);
        calls.clear();
        displays.apply(record(4, EngineDiff.TRANSFORM, EngineDiff.KIND_TEXT, 0));
        assertEquals(3, spawned.size(), "the same kind updates the live entity");
        assertFalse(spawned.get(2).removed);
    }

    @Test
    void aSpawnRecordForALiveEntityStartsAFreshOne() {
        displays.apply(record(2, EngineDiff.SPAWN, EngineDiff.KIND_ITEM, 0));
        displays.apply(record(2, EngineDiff.SPAWN, EngineDiff.KIND_ITEM, 1));
        assertTrue(spawned.get(0).removed);
        assertEquals(2, spawned.size());
        assertSame(itemStacks.get("minecraft:glowstone"), spawned.get(1).last.get("setItemStack"));
    }

    @Test
    void aMaterialChangeIsSetOnTheLiveEntity() {
        displays.apply(record(0, EngineDiff.SPAWN, EngineDiff.KIND_ITEM, 0));
        calls.clear();
        displays.apply(record(0, EngineDiff.MATERIAL, EngineDiff.KIND_ITEM, 1));
        assertEquals(List.of("#0 setItemStack(ItemStack minecraft:glowstone)"), calls);
        assertEquals(1, spawned.size());
    }

    @Test
    void resolvesEachMaterialOncePerIndexNotPerTick() {
        for (int tick = 0; tick < 5; tick++) {
            for (int material = 0; material < 2; material++) {
                int flags = tick == 0 ? EngineDiff.SPAWN : EngineDiff.MATERIAL;
                displays.apply(record(material, flags, EngineDiff.KIND_BLOCK, material));
                displays.apply(record(10 + material, flags, EngineDiff.KIND_ITEM, material));
                displays.apply(record(20 + material, flags, EngineDiff.KIND_TEXT, material));
            }
        }
        assertEquals(2, blockDataCreated);
        assertEquals(List.of("minecraft:sea_lantern", "minecraft:glowstone"), itemStacksAsked);
        Object text = spawned.get(2).last.get("text"); // entity 20, material 0
        for (int tick = 0; tick < 3; tick++) displays.apply(record(20, EngineDiff.MATERIAL, EngineDiff.KIND_TEXT, 0));
        assertSame(text, spawned.get(2).last.get("text"), "the text component is made once per material");
        assertEquals(6, spawned.size());
    }

    @Test
    void showsAnUnknownMaterialAsWhiteConcreteAndWarnsOncePerId() {
        for (int i = 0; i < 3; i++) displays.apply(record(i, EngineDiff.SPAWN, EngineDiff.KIND_ITEM, 2));
        for (int i = 3; i < 6; i++) displays.apply(record(i, EngineDiff.SPAWN, EngineDiff.KIND_BLOCK, 2));
        ItemStack concrete = itemStacks.get("minecraft:white_concrete");
        for (int i = 0; i < 3; i++) assertSame(concrete, spawned.get(i).last.get("setItemStack"));
        for (int i = 3; i < 6; i++) {
            assertSame(blockData.get("minecraft:white_concrete"), spawned.get(i).last.get("setBlock"));
        }
        assertEquals(List.of("minecraft:unknown_thing", "minecraft:white_concrete"), itemStacksAsked);
        assertEquals(2, warnings.size(), warnings.toString()); // once as an item, once as a block
        assertTrue(warnings.stream().allMatch(w -> w.contains("minecraft:unknown_thing")), warnings.toString());
        displays.apply(record(6, EngineDiff.SPAWN, EngineDiff.KIND_TEXT, 2));
        assertEquals(Component.text("minecraft:unknown_thing"), spawned.get(6).last.get("text"));
    }
}
