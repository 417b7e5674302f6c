package dev.audioviz.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundDocumentsTest {
    private static final Logger LOG = Logger.getLogger("test");

    @TempDir
    Path folder;

    /** A store whose first write blocks until released, recording what reaches it. */
    private static final class GatedDocuments implements Documents {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> written = new CopyOnWriteArrayList<>();

        @Override
        public String read(String name) {
            return written.isEmpty() ? null : written.get(written.size() - 1);
        }

        @Override
        public void write(String name, String text) throws IOException {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            written.add(text);
        }
    }

    @Test
    void aSaveFromAnInterruptedThreadStillReachesTheDisk() throws Exception {
        DocumentStore disk = new DocumentStore(folder);
        BackgroundDocuments documents = new BackgroundDocuments(disk, LOG);
        Thread tick = new Thread(() -> {
            Thread.currentThread().interrupt(); // what the watchdog does to a tick that overruns
            documents.write("zones", "{\"zones\":[]}");
        });
        tick.start();
        tick.join();
        documents.close();
        assertEquals("{\"zones\":[]}", disk.read("zones"));
    }

    @Test
    void readsSeeAPendingSaveAndOnlyTheNewestOfQuickSavesIsWritten() throws Exception {
        GatedDocuments slow = new GatedDocuments();
        BackgroundDocuments documents = new BackgroundDocuments(slow, LOG);
        documents.write("zones", "a");
        assertTrue(slow.entered.await(10, TimeUnit.SECONDS));
        documents.write("zones", "b");
        documents.write("zones", "c");
        assertEquals("c", documents.read("zones"), "a pending save is visible at once");
        slow.release.countDown();
        documents.close();
        assertEquals(List.of("a", "c"), slow.written);
    }

    @Test
    void aSaveAfterCloseIsWrittenOnTheCallersThread() throws Exception {
        DocumentStore disk = new DocumentStore(folder);
        BackgroundDocuments documents = new BackgroundDocuments(disk, LOG);
        documents.close();
        documents.write("scenes", "{}");
        assertEquals("{}", disk.read("scenes"));
    }
}
