package dev.audioviz.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.audioviz.core.config.CoreConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the plugin jar carries: the library list, the descriptor and a config.yml the core accepts. */
class PluginResourcesTest {
    private static String resource(String name) throws IOException {
        try (InputStream in = PluginResourcesTest.class.getResourceAsStream("/" + name)) {
            if (in == null) throw new AssertionError(name + " missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void resolvesGraalJsJarsWithTheBuildsVersion() {
        List<String> libraries = AudioVizLoader.libraries();
        assertEquals(3, libraries.size());
        for (String coordinates : libraries) {
            assertTrue(coordinates.matches("org\\.graalvm\\.[a-z]+:[a-z-]+:\\d+\\.\\d+\\.\\d+"), coordinates);
        }
    }

    @Test
    void declaresLoaderMainAndEveryPermissionTheEngineChecks() throws IOException {
        String yml = resource("paper-plugin.yml");
        assertTrue(yml.contains("main: dev.audioviz.paper.AudioVizPlugin"));
        assertTrue(yml.contains("loader: dev.audioviz.paper.AudioVizLoader"));
        assertFalse(yml.contains("${"), "filtered at build time");
        for (String permission : dev.audioviz.core.command.CommandSenderInfo.PERMISSIONS) {
            assertTrue(yml.contains(permission + ":"), permission);
        }
    }

    @Test
    void shipsAConfigWhoseValuesAreTheCoreDefaults() throws IOException {
        Map<String, Object> values = flatYaml(resource("config.yml"));
        CoreConfig config = CoreConfig.fromMap(values);
        assertEquals(CoreConfig.DEFAULTS, config, "config.yml documents the defaults");
        assertEquals(DisplaySettings.DEFAULTS, DisplaySettings.fromMap(values));
    }

    @Test
    void rejectsACullBoxOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> DisplaySettings.fromMap(Map.of("display.cull_box", 0)));
    }

    /** Reads the two-level "section: / key: value" YAML of config.yml into dotted keys (numbers as numbers). */
    private static Map<String, Object> flatYaml(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        String section = "";
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.trim().startsWith("#")) continue;
            boolean nested = line.startsWith("  ");
            String[] kv = line.trim().split(":", 2);
            String value = kv[1].trim();
            if (!nested && value.isEmpty()) {
                section = kv[0] + ".";
                continue;
            }
            String key = (nested ? section : "") + kv[0];
            if (value.equals("''")) out.put(key, "");
            else if (value.matches("-?[0-9]+(\\.[0-9]+)?")) out.put(key, Double.parseDouble(value));
            else out.put(key, value);
        }
        return out;
    }
}
