package dev.audioviz.core.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MaterialNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"SEA_LANTERN", "sea_lantern", "minecraft:sea_lantern", "Minecraft:Sea_Lantern",
            "MINECRAFT:SEA_LANTERN", "  sea_lantern\t", "sea lantern"})
    void everySpellingOfAMaterialIsOneMinecraftId(String name) {
        assertEquals("minecraft:sea_lantern", MaterialNames.normalize(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mymod:glow-block.v2", "mymod:deco/lamp"})
    void otherNamespacesAndPathCharactersStay(String name) {
        assertEquals(name, MaterialNames.normalize(name));
        assertEquals("minecraft:deco/lamp", MaterialNames.normalize("deco/lamp"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", ":stone", "minecraft:", "a:b:c", "stone[axis=y]", "sea_lantern!", "se\u0000a",
            "my/mod:lamp", "\u212Aelp", "\u0130ron_block", "sea_lant\u00E9rn", "\uD83D\uDD25",
            "ｓｔｏｎｅ"})
    void whatCannotBeAnIdIsNull(String name) {
        assertNull(MaterialNames.normalize(name));
    }

    @org.junit.jupiter.api.Test
    void aVeryLongNameIsRefused() {
        assertEquals("minecraft:" + "a".repeat(MaterialNames.MAX_LENGTH),
                MaterialNames.normalize("A".repeat(MaterialNames.MAX_LENGTH)));
        assertNull(MaterialNames.normalize("a".repeat(MaterialNames.MAX_LENGTH + 1)));
        assertNull(MaterialNames.normalize("a".repeat(1_000_000)));
    }
}
