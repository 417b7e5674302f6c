package dev.audioviz.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.audioviz.core.world.EngineDiff;
import dev.audioviz.core.world.ZoneAnchor;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.bukkit.Server;
import org.bukkit.World;
import org.bukkit.block.data.BlockData;
import org.bukkit.entity.BlockDisplay;
import org.junit.jupiter.api.Test;

/**
 * PaperDisplayWorld against recording fakes of the Paper interfaces (the API is compile-only here, so this
 * checks the calls and their order, not a running server).
 */
class PaperDisplayWorldTest {
    private final List<String> calls = new ArrayList<>();
    private final List<FakeDisplay> spawned = new ArrayList<>();
    private int blockDataCreated;
    private final World world = fake(World.class, (name, args) -> switch (name) {
        case "spawn" -> spawn(args);
        case "getName" -> "world";
        default -> null;
    });
    private final Server server = fake(Server.class, (name, args) -> switch (name) {
        case "getWorld" -> "world".equals(args[0]) ? world : null;
        case "createBlockData" -> {
            blockDataCreated++;
            yield fake(BlockData.class, (n, a) -> null);
        }
        default -> null;
    });
    private final PaperDisplayWorld displays =
            new PaperDisplayWorld(server, Logger.getLogger("test"), DisplaySettings.DEFAULTS);

    private final class FakeDisplay {
        final int id = spawned.size();
        boolean removed;
        final BlockDisplay proxy = fake(BlockDisplay.class, (name, args) -> {
            if (name.equals("isValid")) return !removed;
            if (name.equals("remove")) removed = true;
            calls.add("#" + id + " " + name + (args == null || args.length == 0 ? "" : "(" + describe(args[0]) + ")"));
            return null;
        });
    }

    private Object spawn(Object[] args) {
        FakeDisplay display = new FakeDisplay();
        spawned.add(display);
        calls.add("spawn " + ((Class<?>) args[1]).getSimpleName());
        @SuppressWarnings("unchecked")
        Consumer<Object> init = (Consumer<Object>) args[2];
        init.accept(display.proxy);
        calls.add("spawned #" + display.id);
        return display.proxy;
    }

    private static String describe(Object arg) {
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

    /** A one-record diff for zone 0, entity {@code index}. */
    private static EngineDiff record(int index, int flags) {
        int[] ints = {0, index, flags, 0, 12, -1, 3, EngineDiff.KIND_BLOCK};
        float[] floats = {1, 2, 3, 0.5f, 0, 0, 0, 1};
        return new EngineDiff(1, ints, floats, List.of(new ZoneAnchor("stage", "world", 0, 64, 0)),
                List.of("minecraft:sea_lantern"));
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
}
