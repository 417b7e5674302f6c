package dev.audioviz.core.storage;

import java.io.IOException;

/** Where the engine's documents (zones, scenes, settings) are kept. */
public interface Documents {
    /** The stored text of a document, or null when it was never written. */
    String read(String name) throws IOException;

    /** Replaces a document; the store keeps either the old or the new text, never half of one. */
    void write(String name, String text) throws IOException;
}
