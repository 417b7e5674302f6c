package dev.audioviz.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core is platform-neutral: no Bukkit, Paper, Minestom or Adventure type may appear in its sources. */
class NoPlatformImportsTest {
    private static final List<String> FORBIDDEN = List.of("org.bukkit", "io.papermc", "net.minestom", "net.kyori",
            "com.destroystokyo", "net.minecraft");

    @Test
    void coreSourcesNameNoPlatformPackage() throws IOException {
        Path main = Path.of("src/main/java");
        assertTrue(Files.isDirectory(main), "run from the core module");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    String text = Files.readString(f);
                    return FORBIDDEN.stream().filter(text::contains).map(p -> main.relativize(f) + ": " + p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertEquals(List.of(), offenders);
    }
}
