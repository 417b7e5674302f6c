package dev.audioviz.core.engine;

import dev.audioviz.core.world.ZoneAnchor;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Value;

/**
 * Copies a {@code TickFrame} (scripts/src/host.ts) out of the JS context into a {@link FrameSnapshot}: each
 * zone's ArrayBuffer with one {@code readBuffer} into a reused byte array, the anchors, and what is new in the
 * append-only material table. Checks what it reads, so a broken frame fails here, before anything is diffed:
 * nothing of that tick is applied. Script thread only; interop calls may throw when the watchdog interrupts.
 */
final class FrameCopier {
    /** Zone slots a frame may have (the engine's {@code MAX_ZONES}, scripts/src/zones/zone-registry.ts). */
    static final int MAX_ZONE_SLOTS = 256;

    private final FrameSnapshot snapshot = new FrameSnapshot();
    private List<String> materials = List.of();

    /**
     * Reads one tick's frame. The snapshot returned is reused by the next call.
     *
     * @throws IllegalStateException (naming the zone slot where there is one) when the frame breaks host.ts
     */
    FrameSnapshot copy(Value frame) {
        try {
            Value zones = member(frame, "zones");
            Value frames = member(frame, "frames");
            List<String> currentMaterials = materials(member(frame, "materials"));
            long zoneSlots = zones.getArraySize();
            long frameSlots = frames.getArraySize();
            long slots = Math.max(zoneSlots, frameSlots);
            if (slots > MAX_ZONE_SLOTS) {
                throw new IllegalStateException("the engine's frame has " + slots + " zone slots, more than "
                        + MAX_ZONE_SLOTS);
            }
            snapshot.reset((int) slots, currentMaterials);
            for (int slot = 0; slot < slots; slot++) {
                Value anchor = slot < zoneSlots ? zones.getArrayElement(slot) : null;
                Value buffer = slot < frameSlots ? frames.getArrayElement(slot) : null;
                boolean hasAnchor = anchor != null && !anchor.isNull();
                boolean hasBuffer = buffer != null && !buffer.isNull();
                if (hasAnchor != hasBuffer) {
                    throw new IllegalStateException("the engine's frame for zone slot " + slot + " has "
                            + (hasAnchor ? "an anchor but no zone buffer" : "a zone buffer but no anchor"));
                }
                if (!hasAnchor) continue;
                ZoneFrame zone = snapshot.use(slot, anchor(anchor));
                if (!buffer.hasBufferElements()) {
                    throw new IllegalStateException("the engine's frame for zone slot " + slot
                            + " is not an ArrayBuffer");
                }
                long size = buffer.getBufferSize();
                buffer.readBuffer(0, zone.buffer(slot, size), 0, (int) size);
                zone.parse(slot);
            }
            return snapshot;
        } catch (ClassCastException | UnsupportedOperationException | NullPointerException e) {
            // What the Value accessors throw on a value of the wrong type (a number where a string belongs, …).
            throw new IllegalStateException(
                    "the engine's tick() did not return a TickFrame (host.ts): " + e.getMessage(), e);
        }
    }

    private static Value member(Value object, String name) {
        Value v = object.getMember(name);
        if (v == null || !v.hasArrayElements()) {
            throw new IllegalStateException(
                    "the engine's tick() returned no array \"" + name + "\" (host.ts TickFrame)");
        }
        return v;
    }

    private static ZoneAnchor anchor(Value z) {
        return new ZoneAnchor(
                z.getMember("name").asString(),
                z.getMember("world").asString(),
                z.getMember("x").asDouble(),
                z.getMember("y").asDouble(),
                z.getMember("z").asDouble());
    }

    /** The material table; only what was appended since the last call is read. */
    private List<String> materials(Value array) {
        long size = array.getArraySize();
        if (size == materials.size()) return materials; // append-only (host.ts): same length, same list
        if (size < materials.size()) {
            throw new IllegalStateException("the engine's frame lists " + size + " materials, fewer than the "
                    + materials.size() + " it listed before (its material table is append-only)");
        }
        List<String> next = new ArrayList<>(materials);
        for (long i = materials.size(); i < size; i++) next.add(array.getArrayElement(i).asString());
        materials = List.copyOf(next);
        return materials;
    }
}
