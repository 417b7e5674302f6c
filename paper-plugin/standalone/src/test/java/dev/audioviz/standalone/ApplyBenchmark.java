package dev.audioviz.standalone;

import dev.audioviz.core.world.EngineDiff;
import dev.audioviz.core.world.ZoneAnchor;
import dev.audioviz.standalone.testing.DiffBuilder;
import dev.audioviz.standalone.testing.ProtocolClient;
import dev.audioviz.standalone.testing.TickThread;
import dev.audioviz.standalone.testing.Waits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.minestom.server.Auth;
import net.minestom.server.MinecraftServer;
import net.minestom.server.timer.Task;
import net.minestom.server.timer.TaskSchedule;

/**
 * {@code server.apply_ms_1024} (paper-plugin/bench/server.bench.mjs): the server-thread time of
 * {@link MinestomDisplayWorld#apply} for a diff that moves 1024 display entities (4 zones × 256), on a real
 * Minestom server with one real client watching (so metadata packets are built and queued for a viewer).
 * Prints one JSON figure line: the median over {@value #MEASURED} ticks after {@value #WARMUP} warm-up ticks.
 */
public final class ApplyBenchmark {
    private static final int ENTITIES_PER_ZONE = 256;
    private static final int ZONES = 4;
    private static final int FRAMES = 20;
    private static final int WARMUP = 200;
    private static final int MEASURED = 400;

    private ApplyBenchmark() {}

    public static void main(String[] args) throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING);
        StandaloneServer.wakeSocketWriters(); // as the standalone server runs
        MinecraftServer server = MinecraftServer.init(new Auth.Offline());
        StandaloneWorld standalone = StandaloneWorld.create();
        Logger logger = Logger.getLogger("audioviz-bench");
        MinestomDisplayWorld world = new MinestomDisplayWorld(standalone.instance(), new PlayerDirectory(logger), logger);
        server.start("127.0.0.1", 0);
        List<ZoneAnchor> zones = new ArrayList<>();
        for (int z = 0; z < ZONES; z++) {
            zones.add(new ZoneAnchor("bench" + z, StandaloneWorld.WORLD_NAME, -8 + 4 * z, 65, -5));
        }
        List<String> materials = List.of("minecraft:sea_lantern");
        try (ProtocolClient viewer = ProtocolClient.join(MinecraftServer.getServer().getPort(), "Viewer", false)) {
            DiffBuilder spawn = new DiffBuilder(zones, materials);
            for (int z = 0; z < ZONES; z++) {
                for (int i = 0; i < ENTITIES_PER_ZONE; i++) spawn.spawnBlock(z, i, 0, 0, 0, 0, 0.3f);
            }
            EngineDiff spawnDiff = spawn.build();
            TickThread.run(() -> world.apply(spawnDiff));
            int total = ZONES * ENTITIES_PER_ZONE;
            Waits.until(() -> viewer.events(e -> ProtocolClient.is(e, "spawn")).size() >= total,
                    total + " spawns at the viewer", viewer::state);
            if (Boolean.getBoolean("bench.noViewer")) viewer.close();

            EngineDiff[] frames = movingFrames(zones, materials);
            double[] ms = new double[WARMUP + MEASURED];
            CountDownLatch done = new CountDownLatch(1);
            int[] tick = {0};
            Task task = MinecraftServer.getSchedulerManager().buildTask(() -> {
                if (tick[0] >= ms.length) return;
                EngineDiff diff = frames[tick[0] % FRAMES];
                long start = System.nanoTime();
                world.apply(diff);
                ms[tick[0]] = (System.nanoTime() - start) / 1e6;
                if (++tick[0] == ms.length) done.countDown();
            }).repeat(TaskSchedule.tick(1)).schedule();
            done.await();
            task.cancel();
            double[] measured = Arrays.copyOfRange(ms, WARMUP, ms.length);
            Arrays.sort(measured);
            System.out.println(String.format(Locale.ROOT,
                    "{\"name\":\"server.apply_ms_1024\",\"value\":%.4f,\"unit\":\"ms\",\"budget\":1,\"better\":\"lower\"}",
                    measured[measured.length / 2]));
            System.err.println(String.format(Locale.ROOT, "server.apply_ms_1024: p95 %.3f ms, max %.3f ms",
                    measured[(int) (measured.length * 0.95)], measured[measured.length - 1]));
        } finally {
            MinecraftServer.stopCleanly();
        }
        System.exit(0);
    }

    /** {@value #FRAMES} diffs that each move every entity somewhere else, as a busy pattern does. */
    private static EngineDiff[] movingFrames(List<ZoneAnchor> zones, List<String> materials) {
        EngineDiff[] frames = new EngineDiff[FRAMES];
        for (int f = 0; f < FRAMES; f++) {
            DiffBuilder b = new DiffBuilder(zones, materials);
            double phase = 2 * Math.PI * f / FRAMES;
            for (int z = 0; z < ZONES; z++) {
                for (int i = 0; i < ENTITIES_PER_ZONE; i++) {
                    float x = (i % 16) * 0.6f;
                    float y = (float) (2 + 1.5 * Math.sin(phase + i * 0.1));
                    float zz = (i / 16) * 0.6f;
                    float s = (float) (0.3 + 0.2 * Math.cos(phase + i * 0.05));
                    b.move(z, i, x, y, zz, s, 2);
                }
            }
            frames[f] = b.build();
        }
        return frames;
    }
}
