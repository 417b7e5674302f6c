package dev.audioviz.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentStoreTest {
    @TempDir
    Path folder;

    @Test
    void readsNullForADocumentNeverWritten() throws IOException {
        assertNull(new DocumentStore(folder).read("zones"));
    }

    @Test
    void replacesADocumentAndLeavesNoTempFile() throws IOException {
        DocumentStore store = new DocumentStore(folder.resolve("data"));
        store.write("zones", "{\"a\":1}");
        store.write("zones", "{\"a\":2}");
        assertEquals("{\"a\":2}", store.read("zones"));
        try (Stream<Path> files = Files.list(folder.resolve("data"))) {
            assertEquals(List.of("zones.json"), files.map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void refusesUnknownNamesSoNoPathCanBeSmuggledIn() {
        DocumentStore store = new DocumentStore(folder);
        IOException e = assertThrows(IOException.class, () -> store.write("../evil", "x"));
        assertEquals("unknown document \"../evil\"; expected one of " + DocumentStore.NAMES, e.getMessage());
    }

    @Test
    void refusesAnOversizedDocumentAndKeepsTheOldOne() throws IOException {
        DocumentStore store = new DocumentStore(folder);
        store.write("scenes", "old");
        assertThrows(IOException.class, () -> store.write("scenes", "x".repeat(DocumentStore.MAX_DOCUMENT_CHARS + 1)));
        assertEquals("old", store.read("scenes"));
    }
}
