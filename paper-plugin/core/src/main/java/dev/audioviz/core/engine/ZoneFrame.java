package dev.audioviz.core.engine;

import dev.audioviz.core.net.ProtocolLimits;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One zone's frame as the engine hands it over (shared-types {@code zone-frame.ts}): a Float64 header of
 * {@link #HEADER_SLOTS} numbers, then one array per entity field in {@link #FIELDS} order, all in the platform's
 * byte order. Every value is final (the engine applies overrides, glow and brightness rules and keeps values in
 * range), so nothing here works out a look. Holds a copy of the bytes and the header, read out and checked
 * once; the entity fields are read straight from the bytes. Reused from tick to tick; script thread only.
 * ZoneFrameLayoutTest checks these constants against generated/protocol-constants.json, and
 * GoldenFrameIntegrationTest reads the real bundle's frames through the layout the bundle publishes.
 */
final class ZoneFrame {
    static final int HEADER_SLOTS = 8;
    static final int HEADER_BYTES = HEADER_SLOTS * 8;
    /** The entity arrays in frame order, as {@code name:type} (zone-frame.ts {@code ZONE_FRAME_FIELDS}). */
    static final String[] FIELDS = {"x:f32", "y:f32", "z:f32", "scale:f32", "yaw:f32", "glowColor:i32",
        "material:i32", "interpolation:i16", "brightness:u8"};
    private static final int[] FIELD_BYTES = Arrays.stream(FIELDS)
            .mapToInt(f -> f.endsWith("f32") || f.endsWith("i32") ? 4 : f.endsWith("i16") ? 2 : 1).toArray();
    static final int BYTES_PER_ENTITY = Arrays.stream(FIELD_BYTES).sum();
    /** The largest frame a zone may have ({@link ProtocolLimits#MAX_ENTITIES_PER_ZONE} entities). */
    static final int MAX_BYTES = bytesFor(ProtocolLimits.MAX_ENTITIES_PER_ZONE);

    // ZONE_HEADER
    static final int ID = 0;
    static final int COUNT = 1;
    static final int KIND = 2;
    static final int ROTATION = 3;
    static final int SIZE_X = 4;
    static final int SIZE_Y = 5;
    static final int SIZE_Z = 6;

    /** Header slot names by index (slot 7 is spare). */
    static final String[] HEADER_NAMES = {"ID", "COUNT", "KIND", "ROTATION", "SIZE_X", "SIZE_Y", "SIZE_Z", "slot 7"};

    private static final VarHandle F64 = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.nativeOrder());
    private static final VarHandle F32 = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.nativeOrder());
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.nativeOrder());

    private byte[] bytes = new byte[HEADER_BYTES];
    private int length;

    private double id;
    private int count;
    private int kind;
    private double rotation;
    private double sizeX;
    private double sizeY;
    private double sizeZ;

    /** Byte offset of each {@link #FIELDS} array for this frame's count. */
    private final int[] at = new int[FIELDS.length];
    // The same offsets by name, read per entity.
    private int xAt;
    private int yAt;
    private int zAt;
    private int scaleAt;
    private int yawAt;
    private int glowColorAt;
    private int materialAt;
    private int interpolationAt;
    private int brightnessAt;

    /** Bytes of a frame of {@code n} entities ({@code zoneFrameLayout(n).bytes}). */
    static int bytesFor(int n) {
        return HEADER_BYTES + BYTES_PER_ENTITY * n;
    }

    /**
     * The array to copy a zone buffer of {@code size} bytes into, from index 0 (grown when needed). The size is
     * checked first, so a broken buffer never makes this allocate more than {@link #MAX_BYTES}.
     */
    byte[] buffer(int slot, long size) {
        if (size < HEADER_BYTES) {
            throw malformed(slot, "its buffer has " + size + " bytes, less than the " + HEADER_BYTES + "-byte header");
        }
        if (size > MAX_BYTES) {
            throw malformed(slot, "its buffer has " + size + " bytes, more than a zone of "
                    + ProtocolLimits.MAX_ENTITIES_PER_ZONE + " entities needs (" + MAX_BYTES + ")");
        }
        if (bytes.length < size) bytes = new byte[(int) Math.min(MAX_BYTES, Math.max(size, 2L * bytes.length))];
        length = (int) size;
        return bytes;
    }

    /**
     * Reads and checks the header of the bytes copied into {@link #buffer}.
     *
     * @throws IllegalStateException naming the slot when the header or the buffer's length is not a frame
     */
    void parse(int slot) {
        for (int h = 0; h < HEADER_SLOTS; h++) {
            double v = header(h);
            if (!Double.isFinite(v)) throw malformed(slot, "header " + HEADER_NAMES[h] + " is " + v);
        }
        double n = header(COUNT);
        if (n != Math.rint(n) || n < 0 || n > ProtocolLimits.MAX_ENTITIES_PER_ZONE) {
            throw malformed(slot, "header COUNT " + number(n) + " is not a whole number within 0–"
                    + ProtocolLimits.MAX_ENTITIES_PER_ZONE);
        }
        double k = header(KIND);
        if (k != 0 && k != 1 && k != 2) throw malformed(slot, "header KIND " + number(k) + " is not 0, 1 or 2");
        int needed = bytesFor((int) n);
        if (length < needed) {
            throw malformed(slot, "its buffer has " + length + " bytes, COUNT " + (int) n + " needs " + needed);
        }
        id = header(ID);
        count = (int) n;
        kind = (int) k;
        rotation = header(ROTATION);
        sizeX = header(SIZE_X);
        sizeY = header(SIZE_Y);
        sizeZ = header(SIZE_Z);
        int offset = HEADER_BYTES;
        for (int f = 0; f < FIELDS.length; f++) {
            at[f] = offset;
            offset += FIELD_BYTES[f] * count;
        }
        xAt = at[0];
        yAt = at[1];
        zAt = at[2];
        scaleAt = at[3];
        yawAt = at[4];
        glowColorAt = at[5];
        materialAt = at[6];
        interpolationAt = at[7];
        brightnessAt = at[8];
    }

    private double header(int field) {
        return (double) F64.get(bytes, field * 8);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static IllegalStateException malformed(int slot, String what) {
        return new IllegalStateException("the engine's frame for zone slot " + slot + " is malformed: " + what);
    }

    /** Unique per zone for the engine's life: another id in the same slot is another zone. */
    double id() {
        return id;
    }

    /** Entities the zone holds. */
    int count() {
        return count;
    }

    /** {@code EngineDiff.KIND_*}. */
    int kind() {
        return kind;
    }

    /** The zone's yaw, degrees. */
    double rotation() {
        return rotation;
    }

    double sizeX() {
        return sizeX;
    }

    double sizeY() {
        return sizeY;
    }

    double sizeZ() {
        return sizeZ;
    }

    // entity fields, i < count(): final values, as zone-frame.ts describes them

    /** Zone-local 0–1. */
    float x(int i) {
        return (float) F32.get(bytes, xAt + 4 * i);
    }

    float y(int i) {
        return (float) F32.get(bytes, yAt + 4 * i);
    }

    float z(int i) {
        return (float) F32.get(bytes, zAt + 4 * i);
    }

    /** 0–4, 0 = hidden. */
    float scale(int i) {
        return (float) F32.get(bytes, scaleAt + 4 * i);
    }

    /** The entity's own yaw, degrees (finite). */
    float yaw(int i) {
        return (float) F32.get(bytes, yawAt + 4 * i);
    }

    /** 0xRRGGBB while the entity glows, else -1. */
    int glowColor(int i) {
        return (int) I32.get(bytes, glowColorAt + 4 * i);
    }

    /** An index into the frame's materials. */
    int material(int i) {
        return (int) I32.get(bytes, materialAt + 4 * i);
    }

    /** Interpolation duration, ticks. */
    int interpolation(int i) {
        return (short) I16.get(bytes, interpolationAt + 2 * i);
    }

    /** Block light 0–15. */
    int brightness(int i) {
        return bytes[brightnessAt + i] & 0xff;
    }
}
