package dev.audioviz.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans are driven by hand: a change is reported once it held still for one scan, and only once. */
class ScriptFolderWatcherTest {
    @TempDir
    Path scripts;

    private final List<String> reports = new ArrayList<>();
    private ScriptFolderWatcher watcher;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(scripts.resolve("patterns"));
        Files.writeString(scripts.resolve("engine.js"), "old");
        watcher = new ScriptFolderWatcher(scripts, (n, s) -> reports.add("bundle " + n + "=" + s),
                (n, s) -> reports.add("pattern " + n + "=" + s), Logger.getLogger("test"));
        watcher.baseline();
    }

    @Test
    void reportsNothingForWhatWasThereAtTheBaseline() {
        watcher.scan();
        watcher.scan();
        assertEquals(List.of(), reports);
    }

    @Test
    void reportsANewPatternOnceItHeldStillForOneScan() throws Exception {
        Files.writeString(scripts.resolve("patterns/pulse.js"), "({})");
        watcher.scan();
        assertEquals(List.of(), reports, "just written: may still be growing");
        watcher.scan();
        watcher.scan();
        assertEquals(List.of("pattern pulse=({})"), reports);
    }

    @Test
    void reportsAReplacedBundleEvenWithTheSameSize() throws Exception {
        Path temp = scripts.resolve("engine.js.tmp");
        Files.writeString(temp, "new");
        Files.move(temp, scripts.resolve("engine.js"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        watcher.scan();
        watcher.scan();
        assertEquals(List.of("bundle engine.js=new"), reports);
    }

    @Test
    void ignoresFilesThatAreNotScripts() throws Exception {
        Files.writeString(scripts.resolve("patterns/notes.txt"), "x");
        Files.writeString(scripts.resolve("other.js"), "x");
        watcher.scan();
        watcher.scan();
        assertEquals(List.of(), reports);
    }
}
