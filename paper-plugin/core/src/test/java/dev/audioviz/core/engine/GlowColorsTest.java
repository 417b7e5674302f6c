package dev.audioviz.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.audioviz.core.net.ProtocolLimitsTest;
import java.io.IOException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The glow colour of each band must be the one shared-types gives the browser preview. */
class GlowColorsTest {
    @Test
    void glowColorsMatchSharedTypes() throws IOException {
        Matcher list = Pattern.compile("\"band_glow_colors\"\\s*:\\s*\\[([^\\]]*)\\]")
                .matcher(ProtocolLimitsTest.generated());
        assertTrue(list.find(), "band_glow_colors not found in protocol-constants.json: run `npm run build`");
        int[] shared = Arrays.stream(list.group(1).trim().split("\\s*,\\s*")).mapToInt(Integer::parseInt).toArray();
        assertArrayEquals(shared, FrameDiffer.GLOW_COLORS);
    }
}
