package dev.audioviz.core.engine;

import dev.audioviz.core.world.ZoneAnchor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A zone frame written in Java in the layout of shared-types' zone-frame.ts ({@code ZONE_HEADER},
 * {@code ZONE_FRAME_FIELDS}), for the differ's tests: a 10×4×10 zone whose entities have brightness 15,
 * interpolation 2, material 0, no glow, and sit at the origin with scale 0 until {@link #place}d.
 */
final class TestZone {
    final double[] header = new double[ZoneFrame.HEADER_SLOTS];
    final int n;
    final float[] x;
    final float[] y;
    final float[] z;
    final float[] scale;
    final float[] yaw;
    final int[] glowColor;
    final int[] material;
    final short[] interpolation;
    final byte[] brightness;

    TestZone(double id, int n) {
        this.n = n;
        header[ZoneFrame.ID] = id;
        header[ZoneFrame.COUNT] = n;
        header[ZoneFrame.SIZE_X] = 10;
        header[ZoneFrame.SIZE_Y] = 4;
        header[ZoneFrame.SIZE_Z] = 10;
        x = new float[n];
        y = new float[n];
        z = new float[n];
        scale = new float[n];
        yaw = new float[n];
        glowColor = new int[n];
        material = new int[n];
        interpolation = new short[n];
        brightness = new byte[n];
        Arrays.fill(glowColor, -1);
        Arrays.fill(interpolation, (short) 2);
        Arrays.fill(brightness, (byte) 15);
    }

    /** Every entity at one zone-local point with one scale. */
    TestZone place(double px, double py, double pz, double s) {
        Arrays.fill(x, (float) px);
        Arrays.fill(y, (float) py);
        Arrays.fill(z, (float) pz);
        Arrays.fill(scale, (float) s);
        return this;
    }

    /** Sets a header field ({@code ZoneFrame.ID} …). */
    TestZone header(int field, double value) {
        header[field] = value;
        return this;
    }

    /** The frame's bytes in the platform's byte order, as the engine's ArrayBuffer holds them. */
    byte[] bytes() {
        ByteBuffer b = ByteBuffer.allocate(ZoneFrame.bytesFor(n)).order(ByteOrder.nativeOrder());
        for (double h : header) b.putDouble(h);
        for (float[] a : List.of(x, y, z, scale, yaw)) for (float v : a) b.putFloat(v);
        for (int[] a : List.of(glowColor, material)) for (int v : a) b.putInt(v);
        for (short v : interpolation) b.putShort(v);
        b.put(brightness);
        if (b.hasRemaining()) throw new AssertionError("layout mismatch: " + b.remaining() + " bytes left");
        return b.array();
    }

    /** A frame for {@link FrameDiffer}: zone slots with their anchors and raw frame bytes, and a material table. */
    static final class Frame {
        private final List<ZoneAnchor> anchors = new ArrayList<>();
        private final List<byte[]> zones = new ArrayList<>();
        private final List<String> materials;

        Frame(List<String> materials) {
            this.materials = materials;
        }

        /** The zone in {@code slot} (slots in between stay free). */
        Frame slot(int slot, ZoneAnchor anchor, TestZone zone) {
            return slot(slot, anchor, zone.bytes());
        }

        /** A slot with raw bytes (for malformed frames). */
        Frame slot(int slot, ZoneAnchor anchor, byte[] bytes) {
            while (anchors.size() <= slot) {
                anchors.add(null);
                zones.add(null);
            }
            anchors.set(slot, anchor);
            zones.set(slot, bytes);
            return this;
        }

        /** Makes the frame {@code slots} slots long (free slots at the end). */
        Frame slots(int slots) {
            while (anchors.size() < slots) {
                anchors.add(null);
                zones.add(null);
            }
            return this;
        }

        /** The snapshot the copier would make of this frame (and its checks). */
        FrameSnapshot snapshot() {
            FrameSnapshot snapshot = new FrameSnapshot();
            snapshot.reset(anchors.size(), materials);
            for (int s = 0; s < anchors.size(); s++) {
                if (anchors.get(s) == null) continue;
                byte[] bytes = zones.get(s);
                ZoneFrame frame = snapshot.use(s, anchors.get(s));
                System.arraycopy(bytes, 0, frame.buffer(s, bytes.length), 0, bytes.length);
                frame.parse(s);
            }
            return snapshot;
        }
    }
}
