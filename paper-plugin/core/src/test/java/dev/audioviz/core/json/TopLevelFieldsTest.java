package dev.audioviz.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.audioviz.core.json.TopLevelFields.MalformedJsonException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopLevelFieldsTest {
    @Test
    void keepsTopLevelStringsAndNumbersOnly() throws Exception {
        Map<String, Object> f = TopLevelFields.parse(
                "{\"type\":\"auth\",\"token\":\"a\\\"b\\u0041\",\"_seq\":3,\"nested\":{\"type\":\"x\"},\"ok\":true}");
        assertEquals(Map.of("type", "auth", "token", "a\"bA", "_seq", 3.0), f);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{\"a\":1} x", "{'a':1}",
        "{\"a\":01x}", "{\"a\":\"\u0001\"}", "{\"a\":tru}", "{\"a\":\"\\q\"}", "{\"a\":-}"})
    void rejectsWhatIsNotOneJsonObject(String text) {
        assertThrows(MalformedJsonException.class, () -> TopLevelFields.parse(text));
    }

    @Test
    void refusesNestingBeyondTheLimitWithoutExhaustingTheStack() {
        String deep = "{\"a\":" + "[".repeat(100_000);
        MalformedJsonException e = assertThrows(MalformedJsonException.class, () -> TopLevelFields.parse(deep));
        assertTrue(e.getMessage().contains("nested deeper"));
    }

    @Test
    void quotesControlCharactersAndQuotes() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", JsonText.quote("a\"b\\c\n\u0001"));
    }
}
