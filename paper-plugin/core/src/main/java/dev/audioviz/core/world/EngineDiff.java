package dev.audioviz.core.world;

import java.util.List;

/**
 * One tick's entity changes in plain arrays the server thread can apply without touching the script context:
 * produced on the script thread by {@code FrameDiffer} from the engine's frame (scripts/src/host.ts
 * {@code TickFrame}). Immutable once handed over.
 *
 * <p>Record {@code i} occupies {@code ints[i*INT_STRIDE .. +INT_STRIDE)}: zone slot, entity index, flags,
 * material (an index into {@code materials}), brightness 0–15, glow colour 0xRRGGBB (-1 = off), interpolation
 * ticks and entity kind; and {@code floats[i*FLOAT_STRIDE .. +FLOAT_STRIDE)}: the translation from the zone's
 * anchor in blocks (already turned by the zone's yaw), the uniform scale and the left-rotation quaternion
 * (x, y, z, w). {@code zones} maps each slot to the anchor its entities follow (null for a free slot).
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
    /** Create the entity, with the record's kind and its whole state. */
    public static final int SPAWN = 1;
    /** Remove the entity (only the zone, index and kind of the record count). */
    public static final int REMOVE = 2;
    /** Set the transformation (translation, scale, rotation) from the floats. */
    public static final int TRANSFORM = 4;
    /** Set the brightness override from the record's brightness. */
    public static final int BRIGHTNESS = 8;
    /** Set glowing on/off and its colour from the record's glow colour. */
    public static final int GLOW = 16;
    /** Set the block/item material (or text) from the record's material index. */
    public static final int MATERIAL = 32;
    /** Restart interpolation now (delay 0) with the record's interpolation ticks as the duration. */
    public static final int RESTART_INTERPOLATION = 64;

    // kinds
    public static final int KIND_BLOCK = 0;
    public static final int KIND_ITEM = 1;
    public static final int KIND_TEXT = 2;

    public static final EngineDiff EMPTY = new EngineDiff(0, new int[0], new float[0], List.of(), List.of());
}
