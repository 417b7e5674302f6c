package dev.audioviz.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneOptionsTest {
    @TempDir
    Path dir;

    private StandaloneOptions parse(Map<String, String> env, String... args) {
        return StandaloneOptions.parse(args, env);
    }

    @Test
    void defaultsToPort25565AndTheLoopbackSocketOn8765() {
        StandaloneOptions o = parse(Map.of(), "--data", dir.toString());
        assertEquals(25565, o.port());
        assertEquals("0.0.0.0", o.host());
        assertEquals(8765, o.core().port());
        assertEquals("127.0.0.1", o.core().bindAddress());
        assertEquals(dir, o.dataFolder());
    }

    @Test
    void flagsOverrideEnvironmentWhichOverridesTheConfigFile() throws Exception {
        Files.writeString(dir.resolve(StandaloneOptions.CONFIG_FILE),
                "server.port=25000\nsocket.port=9001\nengine.seed=42\nserver.host=127.0.0.2\n");
        StandaloneOptions fromFile = parse(Map.of(), "--data", dir.toString());
        assertEquals(25000, fromFile.port());
        assertEquals(9001, fromFile.core().port());
        assertEquals(42, fromFile.core().seed());
        assertEquals("127.0.0.2", fromFile.host());

        StandaloneOptions fromEnv = parse(Map.of("AUDIOVIZ_PORT", "25001", "AUDIOVIZ_SOCKET_PORT", "9002"),
                "--data", dir.toString());
        assertEquals(25001, fromEnv.port());
        assertEquals(9002, fromEnv.core().port());

        StandaloneOptions fromFlags = parse(Map.of("AUDIOVIZ_PORT", "25001"), "--data", dir.toString(),
                "--port", "25002", "--socket-port", "0");
        assertEquals(25002, fromFlags.port());
        assertEquals(0, fromFlags.core().port());
        assertEquals(42, fromFlags.core().seed(), "file keys the flags do not touch stay");
    }

    @Test
    void readsTheDataFolderAndAnExplicitConfigFromTheEnvironment() throws Exception {
        Path config = Files.writeString(dir.resolve("other.properties"), "socket.token=s3cret\n");
        StandaloneOptions o = parse(Map.of("AUDIOVIZ_DATA", dir.toString(), "AUDIOVIZ_CONFIG", config.toString()));
        assertEquals(dir, o.dataFolder());
        assertEquals("s3cret", o.core().token());
        assertTrue(o.core().requiresAuth());
    }

    @Test
    void helpIsAFlagAndTheUsageNamesEveryOption() {
        assertTrue(parse(Map.of(), "--help").help());
        for (String flag : new String[] {"--port", "--host", "--socket-port", "--socket-bind", "--token", "--data",
            "--config", "AUDIOVIZ_PORT", "Exit codes"}) {
            assertTrue(StandaloneOptions.USAGE.contains(flag), flag);
        }
    }

    @Test
    void rejectsAnUnknownOptionAndAMissingValue() {
        assertEquals("unknown option --prot (see --help)",
                assertThrows(IllegalArgumentException.class, () -> parse(Map.of(), "--prot", "1")).getMessage());
        assertEquals("--port needs a value (see --help)",
                assertThrows(IllegalArgumentException.class, () -> parse(Map.of(), "--port")).getMessage());
    }

    @Test
    void rejectsPortsOutOfRangeOrNotNumbers() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> parse(Map.of(), "--port", "70000"));
        assertEquals("server.port (--port) must be a port number 0–65535, got \"70000\"", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse(Map.of("AUDIOVIZ_PORT", "abc")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(Map.of(), "--socket-port", "-1"))
                .getMessage().contains("socket.port"));
    }

    @Test
    void rejectsAMissingExplicitConfigFileButNotAMissingDefaultOne() {
        Path missing = dir.resolve("nope.properties");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse(Map.of(), "--config", missing.toString()));
        assertEquals("config file " + missing + " does not exist", e.getMessage());
        parse(Map.of(), "--data", dir.resolve("fresh").toString());
    }

    @Test
    void carriesTheSocketBindAddressAndTokenToTheCore() {
        // The core enforces the rule at start; the options carry the bind address and token through.
        StandaloneOptions o = parse(Map.of(), "--socket-bind", "0.0.0.0", "--token", "t");
        assertEquals("0.0.0.0", o.core().bindAddress());
        assertEquals("t", o.core().token());
    }
}
