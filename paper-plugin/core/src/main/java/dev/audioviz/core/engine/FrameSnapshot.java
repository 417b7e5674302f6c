package dev.audioviz.core.engine;

import dev.audioviz.core.world.ZoneAnchor;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One tick's {@code TickFrame} (scripts/src/host.ts) in plain Java: per zone slot its anchor and its
 * {@link ZoneFrame} (both null for a free slot), and the material table. Filled by {@link FrameCopier} and
 * reused from tick to tick (its zone frames too); the {@link FrameDiffer} reads it before the next fill.
 * Script thread only.
 */
final class FrameSnapshot {
    /** Per slot, the zone's anchor this tick; null for a free slot. */
    private ZoneAnchor[] anchors = new ZoneAnchor[0];
    /** Frame holders per slot, kept across ticks so their byte arrays are reused; meaningful where anchored. */
    private ZoneFrame[] holders = new ZoneFrame[0];
    private int slots;
    private List<String> materials = List.of();

    /** Starts a new tick's frame of {@code slots} slots, all free. */
    void reset(int slots, List<String> materials) {
        if (anchors.length < slots) {
            anchors = Arrays.copyOf(anchors, slots);
            holders = Arrays.copyOf(holders, slots);
        }
        Arrays.fill(anchors, null);
        this.slots = slots;
        this.materials = materials;
    }

    /** Marks {@code slot} as holding a zone at {@code anchor}; returns its frame holder to fill. */
    ZoneFrame use(int slot, ZoneAnchor anchor) {
        if (slot < 0 || slot >= slots) throw new IndexOutOfBoundsException("slot " + slot + " of " + slots);
        ZoneFrame frame = holders[slot];
        if (frame == null) holders[slot] = frame = new ZoneFrame();
        anchors[slot] = Objects.requireNonNull(anchor, "anchor"); // an anchored slot is a slot in use
        return frame;
    }

    /** Zone slots this tick (in use or free). */
    int slots() {
        return slots;
    }

    /** The zone anchored in {@code slot}, or null for a free slot. */
    ZoneAnchor anchor(int slot) {
        return slot < slots ? anchors[slot] : null;
    }

    /** The frame of the zone in {@code slot}, or null for a free slot. */
    ZoneFrame frame(int slot) {
        return slot < slots && anchors[slot] != null ? holders[slot] : null;
    }

    /** Material index → material id (append-only over an engine's life). */
    List<String> materials() {
        return materials;
    }
}
