package dev.audioviz.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Java constants must equal the ones shared-types generates, so the two sides cannot drift. */
public class ProtocolLimitsTest {
    /** The text of shared-types' generated/protocol-constants.json (other packages' tests read it too). */
    public static String generated() throws IOException {
        Path dir = Path.of(System.getProperty("audioviz.shared.types.dir", "../../shared-types"));
        Path file = dir.resolve("generated/protocol-constants.json");
        assertTrue(Files.exists(file), "missing " + file + ": run `npm run build`");
        return Files.readString(file);
    }

    /** The number under {@code key} in the generated file's text (the first such key). */
    public static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(\\d+)").matcher(json);
        assertTrue(m.find(), key + " not found in protocol-constants.json");
        return Long.parseLong(m.group(1));
    }

    @Test
    void limitsMatchSharedTypes() throws IOException {
        String json = generated();
        assertEquals(number(json, "PLUGIN_PORT"), ProtocolLimits.PLUGIN_PORT);
        assertEquals(number(json, "MAX_PLUGIN_MESSAGE_BYTES"), ProtocolLimits.MAX_PLUGIN_MESSAGE_BYTES);
        assertEquals(number(json, "PLUGIN_QUEUE_CAPACITY"), ProtocolLimits.PLUGIN_QUEUE_CAPACITY);
        assertEquals(number(json, "PLUGIN_AUTH_TIMEOUT_MS"), ProtocolLimits.PLUGIN_AUTH_TIMEOUT_MS);
        assertEquals(number(json, "PLUGIN_IDLE_TIMEOUT_MS"), ProtocolLimits.PLUGIN_IDLE_TIMEOUT_MS);
        assertEquals(number(json, "PLUGIN_MAX_CLIENTS"), ProtocolLimits.PLUGIN_MAX_CLIENTS);
        assertEquals(number(json, "MAX_ENTITIES_PER_ZONE"), ProtocolLimits.MAX_ENTITIES_PER_ZONE);
        assertEquals(number(json, "MAX_BAND_INDEX"), ProtocolLimits.MAX_BAND_INDEX);
    }

    @Test
    void closeCodesMatchSharedTypes() throws IOException {
        String json = generated();
        assertEquals(number(json, "HANDSHAKE_TIMEOUT"), ProtocolLimits.CLOSE_HANDSHAKE_TIMEOUT);
        assertEquals(number(json, "INVALID_MESSAGE"), ProtocolLimits.CLOSE_INVALID_MESSAGE);
        assertEquals(number(json, "MESSAGE_TOO_BIG"), ProtocolLimits.CLOSE_MESSAGE_TOO_BIG);
        assertEquals(number(json, "TRY_AGAIN_LATER"), ProtocolLimits.CLOSE_TRY_AGAIN_LATER);
        assertEquals(number(json, "NORMAL"), ProtocolLimits.CLOSE_NORMAL);
        assertEquals(number(json, "PING_TIMEOUT"), ProtocolLimits.CLOSE_PING_TIMEOUT);
    }

    @Test
    void errorCodesAreNamesOfTheSharedList() throws IOException {
        Matcher list = Pattern.compile("\"error_codes\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(generated());
        assertTrue(list.find(), "error_codes not found in protocol-constants.json");
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(list.group(1).contains("\"" + code.name() + "\""), code + " is not in shared-types' ERROR_CODES");
        }
    }

    @Test
    void protocolVersionMatchesSharedTypes() throws IOException {
        Matcher m = Pattern.compile("\"protocol_version\"\\s*:\\s*\"([^\"]+)\"").matcher(generated());
        assertTrue(m.find(), "protocol_version not found in protocol-constants.json");
        assertEquals(m.group(1), ProtocolLimits.PROTOCOL_VERSION);
    }
}
