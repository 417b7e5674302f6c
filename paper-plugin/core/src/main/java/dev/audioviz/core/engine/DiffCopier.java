package dev.audioviz.core.engine;

import dev.audioviz.core.world.EngineDiff;
import dev.audioviz.core.world.ZoneAnchor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.graalvm.polyglot.Value;

/**
 * Copies a {@code TickDiff} out of the JS typed arrays into an immutable {@link EngineDiff}, in bulk: one
 * {@code readBuffer} per array rather than one interop call per element. Reuses its scratch buffer; the
 * material and zone lists are only rebuilt when they change. Used on the script thread only.
 */
final class DiffCopier {
    private static final int[] NO_INTS = new int[0];
    private static final float[] NO_FLOATS = new float[0];

    private byte[] scratch = new byte[64 * 1024];
    private List<String> materials = List.of();
    private List<ZoneAnchor> zones = List.of();

    EngineDiff copy(Value diff) {
        int count = diff.getMember("count").asInt();
        List<String> currentMaterials = materials(diff.getMember("materials"));
        List<ZoneAnchor> currentZones = zones(diff.getMember("zones"));
        if (count <= 0) return new EngineDiff(0, NO_INTS, NO_FLOATS, currentZones, currentMaterials);
        int[] ints = new int[count * EngineDiff.INT_STRIDE];
        float[] floats = new float[count * EngineDiff.FLOAT_STRIDE];
        read(diff.getMember("ints"), ints.length * 4).asIntBuffer().get(ints);
        read(diff.getMember("floats"), floats.length * 4).asFloatBuffer().get(floats);
        return new EngineDiff(count, ints, floats, currentZones, currentMaterials);
    }

    /** Reads {@code bytes} bytes of a typed array's view through its ArrayBuffer. */
    private ByteBuffer read(Value typedArray, int bytes) {
        Value buffer = typedArray.getMember("buffer");
        if (buffer == null || !buffer.hasBufferElements()) {
            throw new IllegalStateException("the engine's diff arrays must be typed arrays (Int32Array/Float32Array)");
        }
        long offset = typedArray.getMember("byteOffset").asLong();
        if (scratch.length < bytes) scratch = new byte[Math.max(bytes, scratch.length * 2)];
        buffer.readBuffer(offset, scratch, 0, bytes);
        // Typed arrays use the platform's byte order.
        return ByteBuffer.wrap(scratch, 0, bytes).order(ByteOrder.nativeOrder());
    }

    private List<String> materials(Value array) {
        long size = array.getArraySize();
        if (size == materials.size()) return materials; // append-only (host.ts): same length, same list
        List<String> next = new ArrayList<>(materials);
        for (long i = materials.size(); i < size; i++) next.add(array.getArrayElement(i).asString());
        materials = List.copyOf(next);
        return materials;
    }

    private List<ZoneAnchor> zones(Value array) {
        int size = (int) array.getArraySize();
        boolean same = size == zones.size();
        ZoneAnchor[] read = new ZoneAnchor[size];
        for (int i = 0; i < size; i++) {
            Value z = array.getArrayElement(i);
            if (z.isNull()) { // a free slot
                same = same && zones.get(i) == null;
                continue;
            }
            read[i] = new ZoneAnchor(
                    z.getMember("name").asString(),
                    z.getMember("world").asString(),
                    z.getMember("x").asDouble(),
                    z.getMember("y").asDouble(),
                    z.getMember("z").asDouble());
            same = same && read[i].equals(zones.get(i));
        }
        if (!same) zones = Collections.unmodifiableList(Arrays.asList(read));
        return zones;
    }
}
