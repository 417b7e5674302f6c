package dev.audioviz.standalone.testing;

import dev.audioviz.core.world.EngineDiff;
import dev.audioviz.core.world.ZoneAnchor;
import java.util.Arrays;
import java.util.List;

/** Hand-made {@link EngineDiff}s in the engine's flat layout (scripts/src/host.ts), for tests and the benchmark. */
public final class DiffBuilder {
    private final List<ZoneAnchor> zones;
    private final List<String> materials;
    private int[] ints = new int[16 * EngineDiff.INT_STRIDE];
    private float[] floats = new float[16 * EngineDiff.FLOAT_STRIDE];
    private int count;

    public DiffBuilder(List<ZoneAnchor> zones, List<String> materials) {
        this.zones = List.copyOf(zones);
        this.materials = List.copyOf(materials);
    }

    /**
     * Adds one record.
     *
     * @param flags {@link EngineDiff} flag bits
     * @param t translation x, y, z (blocks from the anchor), then scale
     */
    public DiffBuilder record(int slot, int index, int flags, int kind, int material, int brightness, int glowColor,
            int interpolationTicks, float tx, float ty, float tz, float scale) {
        if ((count + 1) * EngineDiff.INT_STRIDE > ints.length) {
            ints = Arrays.copyOf(ints, ints.length * 2);
            floats = Arrays.copyOf(floats, floats.length * 2);
        }
        int io = count * EngineDiff.INT_STRIDE;
        ints[io + EngineDiff.I_ZONE] = slot;
        ints[io + EngineDiff.I_ENTITY] = index;
        ints[io + EngineDiff.I_FLAGS] = flags;
        ints[io + EngineDiff.I_MATERIAL] = material;
        ints[io + EngineDiff.I_BRIGHTNESS] = brightness;
        ints[io + EngineDiff.I_GLOW_COLOR] = glowColor;
        ints[io + EngineDiff.I_INTERPOLATION] = interpolationTicks;
        ints[io + EngineDiff.I_KIND] = kind;
        int fo = count * EngineDiff.FLOAT_STRIDE;
        floats[fo + EngineDiff.F_TX] = tx;
        floats[fo + EngineDiff.F_TY] = ty;
        floats[fo + EngineDiff.F_TZ] = tz;
        floats[fo + EngineDiff.F_SCALE] = scale;
        floats[fo + EngineDiff.F_QW] = 1;
        count++;
        return this;
    }

    /** A block display spawned with a transform, brightness 15, no glow, 2-tick interpolation. */
    public DiffBuilder spawnBlock(int slot, int index, int material, float tx, float ty, float tz, float scale) {
        return record(slot, index, EngineDiff.SPAWN | EngineDiff.TRANSFORM | EngineDiff.BRIGHTNESS, EngineDiff.KIND_BLOCK,
                material, 15, -1, 2, tx, ty, tz, scale);
    }

    /** A move with interpolation restarted, as the engine sends every tick for moving entities. */
    public DiffBuilder move(int slot, int index, float tx, float ty, float tz, float scale, int interpolationTicks) {
        return record(slot, index, EngineDiff.TRANSFORM | EngineDiff.RESTART_INTERPOLATION, EngineDiff.KIND_BLOCK, 0, 0,
                -1, interpolationTicks, tx, ty, tz, scale);
    }

    /** Gives the last record this rotation quaternion (records start unturned: 0, 0, 0, 1). */
    public DiffBuilder turned(float qx, float qy, float qz, float qw) {
        int fo = (count - 1) * EngineDiff.FLOAT_STRIDE;
        floats[fo + EngineDiff.F_QX] = qx;
        floats[fo + EngineDiff.F_QY] = qy;
        floats[fo + EngineDiff.F_QZ] = qz;
        floats[fo + EngineDiff.F_QW] = qw;
        return this;
    }

    public EngineDiff build() {
        return new EngineDiff(count, ints.clone(), floats.clone(), zones, materials);
    }
}
