package dev.audioviz.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.audioviz.core.testing.LogCapture;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LateTickReportTest {
    private final Logger logger = Logger.getLogger("late-tick-report-test");
    private final LogCapture capture = LogCapture.on(logger, Level.ALL);
    private final List<String> warnings = capture.messages;

    @AfterEach
    void detach() {
        logger.removeHandler(capture);
    }

    @Test
    void saysSoWhenTicksKeepMissingTheirServerTickAfterTheFirstMinute() {
        LateTickReport report = new LateTickReport(logger, 40);
        report.check(0, 0);
        report.check(500, LateTickReport.WINDOW_MS); // the first minute: cold GraalJS, not reported
        assertEquals(List.of(), warnings);
        report.check(500 + LateTickReport.THRESHOLD, 2 * LateTickReport.WINDOW_MS - 1); // the window is not over
        assertEquals(List.of(), warnings);
        report.check(500 + LateTickReport.THRESHOLD, 2 * LateTickReport.WINDOW_MS);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("20 engine ticks in the last minute"), warnings.get(0));
        assertTrue(warnings.get(0).contains("engine.tick_delay_ms (now 40 ms)"), warnings.get(0));
    }

    @Test
    void staysQuietWhenOnlyAFewTicksAreLate() {
        LateTickReport report = new LateTickReport(logger, 40);
        report.check(0, 0);
        report.check(0, LateTickReport.WINDOW_MS);
        report.check(LateTickReport.THRESHOLD - 1, 2 * LateTickReport.WINDOW_MS);
        assertEquals(List.of(), warnings);
    }
}
