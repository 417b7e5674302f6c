package dev.audioviz.paper;

import java.util.Map;

/**
 * The Paper-only {@code display.*} keys of config.yml.
 *
 * @param cullBox blocks around a zone anchor kept rendered (display width = 2 × this, height = this), 1–512
 * @param viewRange view range multiplier of the display entities, 0.1–16
 */
record DisplaySettings(float cullBox, float viewRange) {
    static final DisplaySettings DEFAULTS = new DisplaySettings(32, 1);

    DisplaySettings {
        if (cullBox < 1 || cullBox > 512) throw new IllegalArgumentException("display.cull_box must be 1–512");
        if (viewRange < 0.1f || viewRange > 16) throw new IllegalArgumentException("display.view_range must be 0.1–16");
    }

    /** Reads {@code display.cull_box} and {@code display.view_range} from config values flattened with dots. */
    static DisplaySettings fromMap(Map<String, ?> values) {
        return new DisplaySettings(
                number(values.get("display.cull_box"), DEFAULTS.cullBox, "display.cull_box"),
                number(values.get("display.view_range"), DEFAULTS.viewRange, "display.view_range"));
    }

    private static float number(Object value, float fallback, String key) {
        if (value == null) return fallback;
        if (value instanceof Number n) return n.floatValue();
        throw new IllegalArgumentException(key + " must be a number, got " + value);
    }
}
