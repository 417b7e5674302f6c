package dev.audioviz.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.audioviz.core.storage.DocumentStore;
import dev.audioviz.core.testing.ManualClock;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host object as the engine sees it in GraalJS. */
class JavaHostTest {
    @TempDir
    Path data;

    @Test
    void givesTheEngineTheServerTimeAndItsOwnThreadsCpuTime() {
        // Only the calling thread's CPU time counts; any other thread would read as an absurd value here.
        CallClock cpu = thread -> thread == Thread.currentThread() ? 7_500_000L : Long.MIN_VALUE;
        JavaHost host = new JavaHost(new ManualClock(42_000), cpu, Logger.getLogger("test"), new DocumentStore(data),
                (c, t) -> {}, (z, m) -> {});
        try (Context context = Context.create("js")) {
            Value read = context.eval("js", "(host) => [host.now(), host.cpuTime()]").execute(host.toProxy());
            assertEquals(42_000.0, read.getArrayElement(0).asDouble());
            assertEquals(7.5, read.getArrayElement(1).asDouble(), 1e-9);
        }
    }
}
