package dev.audioviz.standalone;

import java.util.HashMap;
import java.util.Map;
import net.minestom.server.entity.Metadata;
import net.minestom.server.network.packet.server.play.EntityMetaDataPacket;

/**
 * The metadata entries of one entity's update, collected and turned into one packet. One instance is reused for
 * every entity of an apply (server thread only). The packet's map is an immutable {@code Map.of}, which the
 * packet keeps as it is instead of copying.
 */
final class MetadataChanges {
    /** Entries one update holds at most: translation, scale, rotation, duration, delay, brightness, width, height. */
    private static final int MAX = 8;

    private final int[] indices = new int[MAX];
    private final Metadata.Entry<?>[] entries = new Metadata.Entry<?>[MAX];
    private int count;

    /** Adds the entry for metadata {@code index}; each index at most once per update. */
    void add(int index, Metadata.Entry<?> entry) {
        indices[count] = index;
        entries[count++] = entry;
    }

    /** The entries so far as one packet for {@code entityId}, or null when there are none; starts over. */
    EntityMetaDataPacket takePacket(int entityId) {
        if (count == 0) return null;
        EntityMetaDataPacket packet = new EntityMetaDataPacket(entityId, map());
        clear();
        return packet;
    }

    /** Forgets the entries (an entity not yet in the world sends its whole state when it appears). */
    void clear() {
        for (int i = 0; i < count; i++) entries[i] = null;
        count = 0;
    }

    private Map<Integer, Metadata.Entry<?>> map() {
        int[] k = indices;
        Metadata.Entry<?>[] v = entries;
        return switch (count) {
            case 1 -> Map.of(k[0], v[0]);
            case 2 -> Map.of(k[0], v[0], k[1], v[1]);
            case 3 -> Map.of(k[0], v[0], k[1], v[1], k[2], v[2]);
            case 4 -> Map.of(k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3]);
            case 5 -> Map.of(k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3], k[4], v[4]);
            case 6 -> Map.of(k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3], k[4], v[4], k[5], v[5]);
            default -> { // the first ticks of a spawned entity, at most
                Map<Integer, Metadata.Entry<?>> map = new HashMap<>();
                for (int i = 0; i < count; i++) map.put(k[i], v[i]);
                yield map;
            }
        };
    }
}
