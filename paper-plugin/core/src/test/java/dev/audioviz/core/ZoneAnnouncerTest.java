package dev.audioviz.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.audioviz.core.testing.RecordingDisplayWorld;
import dev.audioviz.core.world.ZoneAnchor;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneAnnouncerTest {
    private final RecordingDisplayWorld world = new RecordingDisplayWorld();
    private final ZoneAnnouncer announcer = new ZoneAnnouncer(world, 48);

    @Test
    void showsAZoneLineToThePlayersNearThatZone() {
        world.playersByWorld.put("nether", List.of("alex", "sam"));
        announcer.zones(List.of(new ZoneAnchor("stage", "world", 0, 64, 0), new ZoneAnchor("pit", "nether", 5, 5, 5)));
        announcer.announce("pit", "DJ Nova is live");
        assertEquals(List.of("alex: DJ Nova is live", "sam: DJ Nova is live"), world.messages);
    }

    @Test
    void broadcastsALineWithoutAZone() {
        announcer.announce(null, "show starts");
        assertEquals(List.of("*: show starts"), world.messages);
    }

    @Test
    void dropsALineForAZoneItDoesNotKnow() {
        announcer.announce("nowhere", "hello");
        assertEquals(List.of(), world.messages);
    }
}
