package dev.audioviz.core.world;

import java.util.List;

/**
 * One tick's entity changes, copied out of the engine (scripts/src/host.ts {@code TickDiff}) into plain
 * arrays the server thread can apply without touching the script context. Immutable once handed over.
 *
 * <p>Record {@code i} occupies {@code ints[i*INT_STRIDE .. +INT_STRIDE)} and {@code floats[i*FLOAT_STRIDE ..
 * +FLOAT_STRIDE)}; the layouts are the ones documented in host.ts.
 */
public record EngineDiff(int count, int[] ints, float[] floats, List<ZoneAnchor> zones, List<String> materials) {
    public static final int INT_STRIDE = 8;
    public static final int FLOAT_STRIDE = 8;

    // int offsets within a record
    public static final int I_ZONE = 0;
    public static final int I_ENTITY = 1;
    public static final int I_FLAGS = 2;
    public static final int I_MATERIAL = 3;
    public static final int I_BRIGHTNESS = 4;
    public static final int I_GLOW_COLOR = 5;
    public static final int I_INTERPOLATION = 6;
    public static final int I_KIND = 7;

    // float offsets within a record: translation relative to the zone anchor (blocks), scale, rotation quaternion
    public static final int F_TX = 0;
    public static final int F_TY = 1;
    public static final int F_TZ = 2;
    public static final int F_SCALE = 3;
    public static final int F_QX = 4;
    public static final int F_QY = 5;
    public static final int F_QZ = 6;
    public static final int F_QW = 7;

    // flag bits
    public static final int SPAWN = 1;
    public static final int REMOVE = 2;
    public static final int TRANSFORM = 4;
    public static final int BRIGHTNESS = 8;
    public static final int GLOW = 16;
    public static final int MATERIAL = 32;
    public static final int RESTART_INTERPOLATION = 64;

    // kinds
    public static final int KIND_BLOCK = 0;
    public static final int KIND_ITEM = 1;
    public static final int KIND_TEXT = 2;

    public static final EngineDiff EMPTY = new EngineDiff(0, new int[0], new float[0], List.of(), List.of());
}
