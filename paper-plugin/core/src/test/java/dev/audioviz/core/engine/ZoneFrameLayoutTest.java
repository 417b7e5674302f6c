package dev.audioviz.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.audioviz.core.net.ProtocolLimitsTest;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link ZoneFrame} reads frames in the layout shared-types declares (zone-frame.ts), as
 * generated/protocol-constants.json records it: the same header slots and the same entity arrays in the same
 * order, so a field added, moved or retyped on one side fails here.
 */
class ZoneFrameLayoutTest {
    private static String zoneFrame() throws IOException {
        Matcher m = Pattern.compile("\"zone_frame\"\\s*:\\s*(\\{.*?\\]\\s*\\})", Pattern.DOTALL)
                .matcher(ProtocolLimitsTest.generated());
        assertTrue(m.find(), "zone_frame not found in protocol-constants.json: run `npm run build`");
        return m.group(1);
    }

    private static int number(String json, String key) {
        return (int) ProtocolLimitsTest.number(json, key);
    }

    @Test
    void theHeaderHasTheSharedSlots() throws IOException {
        String json = zoneFrame();
        assertEquals(number(json, "header_slots"), ZoneFrame.HEADER_SLOTS);
        assertEquals(number(json, "ID"), ZoneFrame.ID);
        assertEquals(number(json, "COUNT"), ZoneFrame.COUNT);
        assertEquals(number(json, "KIND"), ZoneFrame.KIND);
        assertEquals(number(json, "ROTATION"), ZoneFrame.ROTATION);
        assertEquals(number(json, "SIZE_X"), ZoneFrame.SIZE_X);
        assertEquals(number(json, "SIZE_Y"), ZoneFrame.SIZE_Y);
        assertEquals(number(json, "SIZE_Z"), ZoneFrame.SIZE_Z);
        Matcher header = Pattern.compile("\"header\"\\s*:\\s*\\{([^}]*)\\}").matcher(json);
        assertTrue(header.find());
        assertEquals(7, header.group(1).split(",").length, "a header slot shared-types has and ZoneFrame reads not");
    }

    @Test
    void theEntityArraysComeInTheSharedOrderAndTypes() throws IOException {
        Matcher fields = Pattern.compile("\"fields\"\\s*:\\s*\\[([^\\]]*)").matcher(zoneFrame());
        assertTrue(fields.find(), "fields not found in zone_frame");
        List<String> shared = Arrays.stream(fields.group(1).split(","))
                .map(f -> f.trim().replace("\"", "")).toList();
        assertEquals(shared, List.of(ZoneFrame.FIELDS));
        String limits = ProtocolLimitsTest.generated();
        assertEquals(number(limits, "ZONE_FRAME_BYTES_PER_ENTITY"), ZoneFrame.BYTES_PER_ENTITY);
        assertEquals(number(limits, "ZONE_HEADER_BYTES"), ZoneFrame.HEADER_BYTES);
    }
}
