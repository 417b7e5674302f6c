package dev.audioviz.core.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * The engine's documents (zones, scenes, settings) as JSON files in the data folder. Writes are atomic: a
 * temp file in the same folder is written, forced to disk, then renamed over the target, so a crash leaves
 * either the old or the new text, never half of one.
 */
public final class DocumentStore implements Documents {
    /** The document names the engine may use (scripts/src/host.ts {@code DocumentName}). */
    public static final Set<String> NAMES = Set.of("zones", "scenes", "settings");
    /** Largest document accepted, characters; a bigger one is refused rather than filling the disk. */
    public static final int MAX_DOCUMENT_CHARS = 4 * 1024 * 1024;

    private final Path folder;

    /** @param folder where {@code <name>.json} files live; created on first write */
    public DocumentStore(Path folder) {
        this.folder = folder;
    }

    /** The stored text of a document, or null when it was never written. */
    @Override
    public String read(String name) throws IOException {
        try {
            return Files.readString(file(name), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Replaces a document atomically (temp file + fsync + atomic rename). */
    @Override
    public void write(String name, String text) throws IOException {
        Path target = file(name);
        if (text.length() > MAX_DOCUMENT_CHARS) {
            throw new IOException("document " + name + " is " + text.length() + " characters, over the limit of "
                    + MAX_DOCUMENT_CHARS);
        }
        writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to {@code target} through a synced temp file and an atomic rename. */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) channel.write(buffer);
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Some file systems (network shares) cannot rename atomically; a plain replace is the best left.
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Path file(String name) throws IOException {
        if (!NAMES.contains(name)) throw new IOException("unknown document \"" + name + "\"; expected one of " + NAMES);
        return folder.resolve(name + ".json");
    }
}
