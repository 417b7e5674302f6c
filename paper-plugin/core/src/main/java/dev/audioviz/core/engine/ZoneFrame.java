package dev.audioviz.core.engine;

import dev.audioviz.core.net.ProtocolLimits;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * One zone's frame as the engine hands it over (scripts/src/host.ts {@code ZONE_HEADER} and
 * {@code zoneFrameLayout}): a Float64 header of {@link #HEADER_SLOTS} numbers, then one array per entity field,
 * all in the platform's byte order. Holds a copy of the bytes and the header, read out and checked once; the
 * entity fields are read straight from the bytes. Reused from tick to tick; script thread only. The offsets
 * here restate that layout for speed; GoldenFrameIntegrationTest reads the real bundle's frames through the
 * layout the bundle itself publishes and fails on any field this class reads elsewhere.
 */
final class ZoneFrame {
    static final int HEADER_SLOTS = 16;
    static final int HEADER_BYTES = HEADER_SLOTS * 8;
    /** Seven four-byte, one two-byte and five one-byte arrays. */
    static final int BYTES_PER_ENTITY = 35;
    /** The largest frame a zone may have ({@link ProtocolLimits#MAX_ENTITIES_PER_ZONE} entities). */
    static final int MAX_BYTES = bytesFor(ProtocolLimits.MAX_ENTITIES_PER_ZONE);
    static final int BANDS = 5;

    // ZONE_HEADER
    static final int ID = 0;
    static final int COUNT = 1;
    static final int KIND = 2;
    static final int ROTATION = 3;
    static final int SIZE_X = 4;
    static final int SIZE_Y = 5;
    static final int SIZE_Z = 6;
    static final int BRIGHTNESS = 7;
    static final int DYNAMIC_BRIGHTNESS = 8;
    static final int INTERPOLATION = 9;
    static final int BEAT_GLOW = 10;
    static final int BAND_MATERIAL = 11;

    private static final String[] HEADER_NAMES = {"ID", "COUNT", "KIND", "ROTATION", "SIZE_X", "SIZE_Y", "SIZE_Z",
        "BRIGHTNESS", "DYNAMIC_BRIGHTNESS", "INTERPOLATION", "BEAT_GLOW", "BAND_MATERIAL", "BAND_MATERIAL+1",
        "BAND_MATERIAL+2", "BAND_MATERIAL+3", "BAND_MATERIAL+4"};

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
    private double brightness;
    private boolean dynamicBrightness;
    private int interpolation;
    private boolean beatGlow;
    private final int[] bandMaterial = new int[BANDS];

    // byte offsets of the entity arrays
    private int xAt;
    private int yAt;
    private int zAt;
    private int scaleAt;
    private int yawAt;
    private int lightAt;
    private int materialOverrideAt;
    private int interpolationOverrideAt;
    private int visibleOverrideAt;
    private int glowOverrideAt;
    private int brightnessOverrideAt;
    private int bandAt;
    private int glowAt;

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
        brightness = header(BRIGHTNESS);
        dynamicBrightness = header(DYNAMIC_BRIGHTNESS) != 0;
        interpolation = (int) header(INTERPOLATION);
        beatGlow = header(BEAT_GLOW) != 0;
        for (int b = 0; b < BANDS; b++) bandMaterial[b] = (int) header(BAND_MATERIAL + b);
        // zoneFrameLayout(count)
        int f32 = 4 * count;
        xAt = HEADER_BYTES;
        yAt = xAt + f32;
        zAt = yAt + f32;
        scaleAt = zAt + f32;
        yawAt = scaleAt + f32;
        lightAt = yawAt + f32;
        materialOverrideAt = lightAt + f32;
        interpolationOverrideAt = materialOverrideAt + f32;
        visibleOverrideAt = interpolationOverrideAt + 2 * count;
        glowOverrideAt = visibleOverrideAt + count;
        brightnessOverrideAt = glowOverrideAt + count;
        bandAt = brightnessOverrideAt + count;
        glowAt = bandAt + count;
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

    /** The zone's brightness 0–15. */
    double brightness() {
        return brightness;
    }

    /** True: an entity's brightness is the zone's scaled by its {@link #light} / 15. */
    boolean dynamicBrightness() {
        return dynamicBrightness;
    }

    /** Interpolation duration, ticks. */
    int interpolation() {
        return interpolation;
    }

    /** Light every entity this tick. */
    boolean beatGlow() {
        return beatGlow;
    }

    /** Band {@code b}'s material, an index into the frame's materials. */
    int bandMaterial(int b) {
        return bandMaterial[b];
    }

    // entity fields, i < count()

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

    /** Degrees, as the pattern wrote it (may be anything, NaN included). */
    float yaw(int i) {
        return (float) F32.get(bytes, yawAt + 4 * i);
    }

    /** The smoothed brightness 0–15. */
    float light(int i) {
        return (float) F32.get(bytes, lightAt + 4 * i);
    }

    /** -1 = the band's material, else an index into the frame's materials. */
    int materialOverride(int i) {
        return (int) I32.get(bytes, materialOverrideAt + 4 * i);
    }

    /** -1 = the zone's interpolation, else ticks. */
    int interpolationOverride(int i) {
        return (short) I16.get(bytes, interpolationOverrideAt + 2 * i);
    }

    /** -1 = none, 0 hides. */
    int visibleOverride(int i) {
        return bytes[visibleOverrideAt + i];
    }

    /** -1 = none, 0/1 forces glow off/on. */
    int glowOverride(int i) {
        return bytes[glowOverrideAt + i];
    }

    /** -1 = none, else 0–15. */
    int brightnessOverride(int i) {
        return bytes[brightnessOverrideAt + i];
    }

    /** 0–255 (the differ uses min(band, 4)). */
    int band(int i) {
        return bytes[bandAt + i] & 0xff;
    }

    /** Nonzero: the pattern lit it. */
    int glow(int i) {
        return bytes[glowAt + i] & 0xff;
    }
}
