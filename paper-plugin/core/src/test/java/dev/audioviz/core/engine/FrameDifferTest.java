package dev.audioviz.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.audioviz.core.world.EngineDiff;
import dev.audioviz.core.world.ZoneAnchor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link FrameDiffer} on frames written in Java: what it sends, when, and what it remembers. */
class FrameDifferTest {
    private static final ZoneAnchor STAGE = new ZoneAnchor("stage", "world", 10, 64, 10);
    private static final ZoneAnchor OTHER = new ZoneAnchor("other", "world_nether", -5, 70, 3);
    private static final List<String> MATERIALS =
            IntStream.range(0, 15).mapToObj(i -> "minecraft:material_" + i).toList();
    private static final int SPAWN_FLAGS =
            EngineDiff.SPAWN | EngineDiff.TRANSFORM | EngineDiff.BRIGHTNESS | EngineDiff.GLOW | EngineDiff.MATERIAL;
    private static final int MOVE_FLAGS = EngineDiff.TRANSFORM | EngineDiff.RESTART_INTERPOLATION;
    private static final float EPS = 1e-5f;

    private final FrameDiffer differ = new FrameDiffer();

    private static TestZone.Frame frame() {
        return new TestZone.Frame(MATERIALS);
    }

    private EngineDiff diff(TestZone zone) {
        return differ.diff(frame().slot(0, STAGE, zone).snapshot());
    }

    /** Spawns the zone's entities and grows them to their scale; afterwards the world shows the frame. */
    private void settle(TestZone zone) {
        for (int t = 0; t < 40; t++) {
            if (diff(zone).count() == 0) return;
        }
        throw new AssertionError("the zone never settled");
    }

    private static int integer(EngineDiff d, int record, int field) {
        return d.ints()[record * EngineDiff.INT_STRIDE + field];
    }

    private static float number(EngineDiff d, int record, int field) {
        return d.floats()[record * EngineDiff.FLOAT_STRIDE + field];
    }

    private static int flags(EngineDiff d, int record) {
        return integer(d, record, EngineDiff.I_FLAGS);
    }

    private static List<Integer> entities(EngineDiff d) {
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < d.count(); r++) out.add(integer(d, r, EngineDiff.I_ENTITY));
        return out;
    }

    private static void assertTransform(EngineDiff d, int record, double... expected) {
        for (int f = 0; f < expected.length; f++) {
            float[] all = Arrays.copyOfRange(d.floats(), record * EngineDiff.FLOAT_STRIDE,
                    (record + 1) * EngineDiff.FLOAT_STRIDE);
            assertEquals(expected[f], number(d, record, f), EPS, "float " + f + " of " + Arrays.toString(all));
        }
    }

    @Test
    void spawnsAtScaleZeroAtMost64EntitiesPerTickUpToTheCount() {
        TestZone zone = new TestZone(1, 100).place(0.5, 0.5, 0.5, 1);
        EngineDiff first = diff(zone);
        assertEquals(FrameDiffer.SPAWN_PER_TICK, first.count());
        for (int r = 0; r < first.count(); r++) {
            assertEquals(SPAWN_FLAGS, flags(first, r));
            assertEquals(r, integer(first, r, EngineDiff.I_ENTITY));
            assertEquals(0, integer(first, r, EngineDiff.I_ZONE));
            assertEquals(EngineDiff.KIND_BLOCK, integer(first, r, EngineDiff.I_KIND));
            assertEquals(0, number(first, r, EngineDiff.F_SCALE));
        }
        // The spawn carries the entity's whole state: its point (scale 0: no centring), brightness, glow,
        // material, interpolation.
        assertTransform(first, 0, 5, 2, 5, 0, 0, 0, 0, 1);
        assertEquals(15, integer(first, 0, EngineDiff.I_BRIGHTNESS));
        assertEquals(-1, integer(first, 0, EngineDiff.I_GLOW_COLOR));
        assertEquals(0, integer(first, 0, EngineDiff.I_MATERIAL));
        assertEquals(2, integer(first, 0, EngineDiff.I_INTERPOLATION));
        assertEquals(List.of(STAGE), first.zones());
        assertEquals(MATERIALS, first.materials());

        // Next tick: the first 64 grow to scale 1, the other 36 spawn.
        EngineDiff second = diff(zone);
        assertEquals(100, second.count());
        for (int r = 0; r < 64; r++) {
            assertEquals(MOVE_FLAGS, flags(second, r));
            assertEquals(1, number(second, r, EngineDiff.F_SCALE));
        }
        for (int r = 64; r < 100; r++) {
            assertEquals(SPAWN_FLAGS, flags(second, r));
            assertEquals(r, integer(second, r, EngineDiff.I_ENTITY));
        }
        assertEquals(36, diff(zone).count(), "the last 36 grow");
        assertEquals(0, diff(zone).count(), "then nothing changes");
    }

    @Test
    void anUnchangedFrameSendsNothing() {
        TestZone zone = new TestZone(1, 300).place(0.3, 0.6, 0.9, 1.5);
        settle(zone);
        for (int t = 0; t < 5; t++) {
            EngineDiff d = diff(zone);
            assertEquals(0, d.count());
            assertEquals(0, d.ints().length);
            assertEquals(0, d.floats().length);
        }
    }

    @Test
    void sendsAMoveOnlyBeyondTheQuantisationStep() {
        TestZone zone = new TestZone(1, 1).place(0.5, 0.5, 0.5, 1);
        settle(zone);
        // x and z: 10 blocks per unit, the step is 1 cm.
        zone.x[0] = 0.5009f;
        assertEquals(0, diff(zone).count(), "9 mm along x");
        zone.x[0] = 0.5011f;
        EngineDiff moved = diff(zone);
        assertEquals(1, moved.count(), "11 mm along x (from what was sent)");
        assertEquals(MOVE_FLAGS, flags(moved, 0));
        assertEquals(4.511, number(moved, 0, EngineDiff.F_TX), EPS);

        zone.z[0] = 0.5009f;
        assertEquals(0, diff(zone).count(), "9 mm along z");
        zone.z[0] = 0.5011f;
        assertEquals(1, diff(zone).count(), "11 mm along z");

        // y: 4 blocks per unit.
        zone.y[0] = 0.502f;
        assertEquals(0, diff(zone).count(), "8 mm along y");
        zone.y[0] = 0.503f;
        assertEquals(1, diff(zone).count(), "12 mm along y");

        zone.scale[0] = 1.008f;
        assertEquals(0, diff(zone).count(), "scale +0.008");
        zone.scale[0] = 1.012f;
        EngineDiff grown = diff(zone);
        assertEquals(1, grown.count(), "scale +0.012");
        assertEquals(1.012, number(grown, 0, EngineDiff.F_SCALE), EPS);

        zone.yaw[0] = 0.4f;
        assertEquals(0, diff(zone).count(), "0.4°");
        zone.yaw[0] = 0.6f;
        EngineDiff turned = diff(zone);
        assertEquals(1, turned.count(), "0.6°");
        assertEquals(MOVE_FLAGS, flags(turned, 0));
    }

    @Test
    void anEntitysYawBecomesItsQuaternionAndTurnsItsCornerAroundItsCentre() {
        TestZone zone = new TestZone(1, 1).place(0.5, 0.5, 0.5, 1);
        settle(zone);
        zone.yaw[0] = 90;
        EngineDiff d = diff(zone);
        assertEquals(1, d.count());
        assertEquals(MOVE_FLAGS, flags(d, 0));
        double half = Math.sqrt(0.5);
        // Centre (5, 2, 5); the corner of half-size h = 0.5 turned by 90°: −h·(cos − sin, 1, sin + cos).
        assertTransform(d, 0, 5.5, 1.5, 4.5, 1, 0, -half, 0, half);
    }

    @Test
    void theZonesRotationTurnsPositionsAndEntities() {
        TestZone zone = new TestZone(1, 1).place(0.5, 0.25, 0.1, 1).header(ZoneFrame.ROTATION, 90);
        settle(zone);
        zone.x[0] = 0.6f; // force a record
        EngineDiff d = diff(zone);
        // lx = 6, lz = 1 turned by 90° → (−1, 6); the corner's offset
        // −0.5·(cos90 − sin90, 1, sin90 + cos90) = (+0.5, −0.5, −0.5).
        double half = Math.sqrt(0.5);
        assertTransform(d, 0, -0.5, 0.5, 5.5, 1, 0, -half, 0, half);

        // Zone 30° plus the entity's own 15°: the point turns by 30°, the block by 45°.
        TestZone turned = new TestZone(2, 1).place(1, 0, 0, 1).header(ZoneFrame.ROTATION, 30);
        turned.yaw[0] = 15;
        FrameDiffer fresh = new FrameDiffer();
        fresh.diff(frame().slot(0, STAGE, turned).snapshot());
        EngineDiff grown = fresh.diff(frame().slot(0, STAGE, turned).snapshot());
        // (10·cos30 − 0.5·(cos45 − sin45), 0 − 0.5, 10·sin30 − 0.5·(sin45 + cos45)).
        assertTransform(grown, 0, 8.660254, -0.5, 4.2928932, 1, 0, -Math.sin(Math.toRadians(22.5)), 0,
                Math.cos(Math.toRadians(22.5)));
    }

    @Test
    void theLookIsSentAsTheFrameGivesItEachPartOnlyWhenItChanges() {
        TestZone zone = new TestZone(1, 3).place(0.5, 0.5, 0.5, 1);
        zone.brightness[0] = 6;
        zone.glowColor[1] = 0x60ff60;
        zone.material[2] = 5;
        zone.interpolation[2] = 7;
        EngineDiff spawn = diff(zone);
        assertEquals(List.of(6, 15, 15),
                IntStream.range(0, 3).mapToObj(r -> integer(spawn, r, EngineDiff.I_BRIGHTNESS)).toList());
        assertEquals(List.of(-1, 0x60ff60, -1),
                IntStream.range(0, 3).mapToObj(r -> integer(spawn, r, EngineDiff.I_GLOW_COLOR)).toList());
        assertEquals(List.of(0, 0, 5),
                IntStream.range(0, 3).mapToObj(r -> integer(spawn, r, EngineDiff.I_MATERIAL)).toList());
        assertEquals(List.of(2, 2, 7),
                IntStream.range(0, 3).mapToObj(r -> integer(spawn, r, EngineDiff.I_INTERPOLATION)).toList());
        settle(zone);

        zone.brightness[0] = 12;
        zone.glowColor[1] = -1;
        zone.material[2] = 7;
        EngineDiff changed = diff(zone);
        assertEquals(List.of(0, 1, 2), entities(changed));
        assertEquals(List.of(EngineDiff.BRIGHTNESS, EngineDiff.GLOW, EngineDiff.MATERIAL),
                IntStream.range(0, 3).mapToObj(r -> flags(changed, r)).toList());
        assertEquals(12, integer(changed, 0, EngineDiff.I_BRIGHTNESS));
        assertEquals(-1, integer(changed, 1, EngineDiff.I_GLOW_COLOR));
        assertEquals(7, integer(changed, 2, EngineDiff.I_MATERIAL));
        assertEquals(0, diff(zone).count(), "nothing changed since");
    }

    @Test
    void aHiddenEntityCostsNothingUntilItShowsAgainWithWhatChangedMeanwhile() {
        TestZone zone = new TestZone(1, 2).place(0.5, 0.5, 0.5, 1);
        settle(zone);
        zone.scale[1] = 0;
        EngineDiff hidden = diff(zone);
        assertEquals(List.of(1), entities(hidden));
        assertEquals(MOVE_FLAGS, flags(hidden, 0));
        assertEquals(0, number(hidden, 0, EngineDiff.F_SCALE));

        for (int step = 1; step <= 5; step++) {
            zone.x[1] = step / 10f; // the engine keeps moving it and changing its look while hidden
            zone.glowColor[1] = step % 2 == 0 ? -1 : 0xff3030;
            zone.material[1] = step;
            zone.brightness[1] = (byte) step;
            assertEquals(0, diff(zone).count(), "hidden step " + step + " sent a record");
        }
        zone.scale[1] = 1;
        EngineDiff shown = diff(zone);
        assertEquals(List.of(1), entities(shown));
        assertEquals(MOVE_FLAGS | EngineDiff.BRIGHTNESS | EngineDiff.GLOW | EngineDiff.MATERIAL, flags(shown, 0));
        assertTransform(shown, 0, 4.5, 1.5, 4.5, 1);
        assertEquals(5, integer(shown, 0, EngineDiff.I_BRIGHTNESS));
        assertEquals(0xff3030, integer(shown, 0, EngineDiff.I_GLOW_COLOR));
        assertEquals(5, integer(shown, 0, EngineDiff.I_MATERIAL));
    }

    @Test
    void anEntityWithScaleZeroSpawnsAndStaysUnsentWhileItMoves() {
        TestZone zone = new TestZone(1, 1).place(0.5, 0.5, 0.5, 0);
        assertEquals(1, diff(zone).count(), "the spawn");
        for (int step = 1; step <= 5; step++) {
            zone.place(step / 10.0, 0.5, 0.5, 0);
            assertEquals(0, diff(zone).count());
        }
        zone.place(0.9, 0.5, 0.5, 1);
        EngineDiff shown = diff(zone);
        assertEquals(1, shown.count());
        assertEquals(MOVE_FLAGS, flags(shown, 0));
        assertTransform(shown, 0, 8.5, 1.5, 4.5, 1);
    }

    @Test
    void aShrunkZoneLosesItsSurplusFromTheTopInOneTickWithTheKindTheyHave() {
        TestZone zone = new TestZone(1, 20).place(0.5, 0.5, 0.5, 1).header(ZoneFrame.KIND, EngineDiff.KIND_ITEM);
        settle(zone);
        TestZone smaller = new TestZone(1, 5).place(0.5, 0.5, 0.5, 1).header(ZoneFrame.KIND, EngineDiff.KIND_ITEM);
        smaller.x[4] = 0.7f; // and one of those left moves
        EngineDiff d = diff(smaller);
        assertEquals(16, d.count());
        List<Integer> expected = new ArrayList<>();
        for (int i = 19; i >= 5; i--) expected.add(i);
        expected.add(4);
        assertEquals(expected, entities(d));
        for (int r = 0; r < 15; r++) {
            assertEquals(EngineDiff.REMOVE, flags(d, r));
            assertEquals(EngineDiff.KIND_ITEM, integer(d, r, EngineDiff.I_KIND));
        }
        assertEquals(MOVE_FLAGS, flags(d, 15), "the rest of the zone is diffed in the same tick");
        assertEquals(0, diff(smaller).count());

        EngineDiff regrown =
                diff(new TestZone(1, 8).place(0.5, 0.5, 0.5, 1).header(ZoneFrame.KIND, EngineDiff.KIND_ITEM));
        assertEquals(List.of(4, 5, 6, 7), entities(regrown), "entity 4 moves back; 5–7 spawn again");
        assertEquals(SPAWN_FLAGS, flags(regrown, 1));
    }

    @Test
    void aFreedSlotLosesItsEntitiesUnderItsOldAnchor() {
        TestZone zone = new TestZone(1, 10).place(0.5, 0.5, 0.5, 1);
        settle(zone);
        EngineDiff d = differ.diff(frame().slots(1).snapshot());
        assertEquals(List.of(9, 8, 7, 6, 5, 4, 3, 2, 1, 0), entities(d));
        for (int r = 0; r < d.count(); r++) {
            assertEquals(EngineDiff.REMOVE, flags(d, r));
            assertEquals(0, integer(d, r, EngineDiff.I_ZONE));
        }
        assertEquals(List.of(STAGE), d.zones(), "the entities follow their anchor until they are gone");
        EngineDiff after = differ.diff(frame().slots(1).snapshot());
        assertEquals(0, after.count());
        assertEquals(1, after.zones().size());
        assertNull(after.zones().get(0));
    }

    @Test
    void aSlotMissingFromAShorterFrameCountsAsFreed() {
        TestZone second = new TestZone(2, 3).place(0.5, 0.5, 0.5, 1);
        for (int t = 0; t < 3; t++) differ.diff(frame().slot(1, OTHER, second).snapshot());
        EngineDiff d = differ.diff(frame().snapshot());
        assertEquals(List.of(2, 1, 0), entities(d));
        assertEquals(Arrays.asList(null, OTHER), d.zones());
        assertEquals(List.of(), differ.diff(frame().snapshot()).zones());
    }

    @Test
    void aSlotTakenByAnotherZoneIsClearedInOneDiffAndFilledFromTheNext() {
        TestZone first = new TestZone(1, 10).place(0.5, 0.5, 0.5, 1);
        settle(first);
        TestZone next = new TestZone(2, 3).place(0.2, 0.2, 0.2, 1).header(ZoneFrame.KIND, EngineDiff.KIND_TEXT);
        EngineDiff cleared = differ.diff(frame().slot(0, OTHER, next).snapshot());
        assertEquals(List.of(9, 8, 7, 6, 5, 4, 3, 2, 1, 0), entities(cleared));
        for (int r = 0; r < cleared.count(); r++) {
            assertEquals(EngineDiff.REMOVE, flags(cleared, r));
            assertEquals(EngineDiff.KIND_BLOCK, integer(cleared, r, EngineDiff.I_KIND));
        }
        assertEquals(List.of(STAGE), cleared.zones(), "the old zone's anchor, for its removals");

        EngineDiff filled = differ.diff(frame().slot(0, OTHER, next).snapshot());
        assertEquals(List.of(OTHER), filled.zones());
        assertEquals(List.of(0, 1, 2), entities(filled));
        for (int r = 0; r < filled.count(); r++) {
            assertEquals(SPAWN_FLAGS, flags(filled, r));
            assertEquals(EngineDiff.KIND_TEXT, integer(filled, r, EngineDiff.I_KIND));
        }
    }

    @Test
    void aZoneWhoseKindChangesIsRespawnedWithTheNewKind() {
        TestZone zone = new TestZone(1, 4).place(0.5, 0.5, 0.5, 1);
        settle(zone);
        zone.header(ZoneFrame.KIND, EngineDiff.KIND_ITEM);
        EngineDiff cleared = diff(zone);
        assertEquals(List.of(3, 2, 1, 0), entities(cleared));
        assertEquals(EngineDiff.KIND_BLOCK, integer(cleared, 0, EngineDiff.I_KIND));
        EngineDiff respawned = diff(zone);
        assertEquals(List.of(0, 1, 2, 3), entities(respawned));
        assertEquals(SPAWN_FLAGS, flags(respawned, 0));
        assertEquals(EngineDiff.KIND_ITEM, integer(respawned, 0, EngineDiff.I_KIND));
    }

    @Test
    void aZoneThatMovesOnlyPublishesItsNewAnchor() {
        TestZone zone = new TestZone(1, 4).place(0.5, 0.5, 0.5, 1);
        settle(zone);
        ZoneAnchor moved = new ZoneAnchor("stage", "world", 30, 64, 10);
        EngineDiff d = differ.diff(frame().slot(0, moved, zone).snapshot());
        assertEquals(0, d.count());
        assertEquals(List.of(moved), d.zones());
    }

    @Test
    void aZoneWithoutEntitiesYetTakesAFreedSlotAtOnce() {
        differ.diff(frame().slot(0, STAGE, new TestZone(1, 0)).snapshot());
        EngineDiff d = differ.diff(frame().slot(0, OTHER, new TestZone(2, 2).place(0.5, 0.5, 0.5, 1)).snapshot());
        assertEquals(List.of(OTHER), d.zones());
        assertEquals(List.of(0, 1), entities(d));
        assertEquals(SPAWN_FLAGS, flags(d, 0));
    }

    @Test
    void slotsAreDiffedIndependentlyAndAnUnchangedZoneListIsReused() {
        TestZone a = new TestZone(1, 70).place(0.5, 0.5, 0.5, 1);
        TestZone b = new TestZone(2, 3).place(0.1, 0.1, 0.1, 2);
        EngineDiff first = differ.diff(frame().slot(0, STAGE, a).slot(2, OTHER, b).snapshot());
        assertEquals(64 + 3, first.count());
        assertEquals(Arrays.asList(STAGE, null, OTHER), first.zones());
        assertEquals(2, integer(first, 64, EngineDiff.I_ZONE));
        EngineDiff second = differ.diff(frame().slot(0, STAGE, a).slot(2, OTHER, b).snapshot());
        assertSame(first.zones(), second.zones());
        assertEquals(64 + 6 + 3, second.count());
    }

    @Test
    void aFullZoneSpawnsOver16TicksThenCostsNothing() {
        TestZone zone = new TestZone(1, 1024).place(0.5, 0.5, 0.5, 1);
        int spawned = 0;
        for (int t = 0; t < 16; t++) {
            EngineDiff d = diff(zone);
            for (int r = 0; r < d.count(); r++) if ((flags(d, r) & EngineDiff.SPAWN) != 0) spawned++;
        }
        assertEquals(1024, spawned);
        settle(zone);
        assertEquals(0, diff(zone).count());
    }

    @Test
    void aMalformedZoneFrameIsRefusedNamingItsSlotAndTheDifferIsUntouched() {
        TestZone good = new TestZone(1, 16).place(0.5, 0.5, 0.5, 1);
        settle(good);
        byte[] bytes = good.bytes();
        assertMalformed("zone slot 3", "559 bytes, COUNT 16 needs 560",
                frame().slot(3, STAGE, Arrays.copyOf(bytes, bytes.length - 1)));
        assertMalformed("zone slot 0", "COUNT 5000",
                frame().slot(0, STAGE, new TestZone(1, 16).header(ZoneFrame.COUNT, 5000)));
        assertMalformed("zone slot 0", "COUNT 2.5",
                frame().slot(0, STAGE, new TestZone(1, 16).header(ZoneFrame.COUNT, 2.5)));
        assertMalformed("zone slot 0", "COUNT -1",
                frame().slot(0, STAGE, new TestZone(1, 16).header(ZoneFrame.COUNT, -1)));
        assertMalformed("zone slot 1", "ROTATION is NaN",
                frame().slot(1, STAGE, new TestZone(1, 16).header(ZoneFrame.ROTATION, Double.NaN)));
        assertMalformed("zone slot 0", "SIZE_Y is Infinity",
                frame().slot(0, STAGE, new TestZone(1, 16).header(ZoneFrame.SIZE_Y, Double.POSITIVE_INFINITY)));
        assertMalformed("zone slot 0", "KIND 7",
                frame().slot(0, STAGE, new TestZone(1, 16).header(ZoneFrame.KIND, 7)));
        assertMalformed("zone slot 0", "less than the 64-byte header", frame().slot(0, STAGE, new byte[40]));
        assertMalformed("zone slot 0", "more than a zone of 1024 entities needs",
                frame().slot(0, STAGE, new byte[ZoneFrame.MAX_BYTES + 1]));
        assertEquals(0, diff(good).count(), "the differ still holds the good frame's state");
    }

    private static void assertMalformed(String slot, String what, TestZone.Frame frame) {
        IllegalStateException e = assertThrows(IllegalStateException.class, frame::snapshot);
        assertTrue(e.getMessage().contains(slot) && e.getMessage().contains(what), e.getMessage());
    }
}
