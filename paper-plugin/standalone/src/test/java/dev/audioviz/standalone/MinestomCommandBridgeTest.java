package dev.audioviz.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MinestomCommandBridgeTest {
    @Test
    void splitsTheArgumentsAfterTheCommandName() {
        assertEquals(List.of("zone", "cr"), MinestomCommandBridge.argumentsOf("audioviz zone cr"));
        assertEquals(List.of("zone", "create", "x"), MinestomCommandBridge.argumentsOf("/av  zone create   x"));
    }

    @Test
    void aTrailingSpaceOrMinestomsPlaceholderAsksForTheNextArgument() {
        assertEquals(List.of("zone", ""), MinestomCommandBridge.argumentsOf("audioviz zone "));
        assertEquals(List.of("zone", ""), MinestomCommandBridge.argumentsOf("audioviz zone \0"));
        assertEquals(List.of(""), MinestomCommandBridge.argumentsOf("audioviz \0"));
    }

    @Test
    void theBareCommandHasNoArguments() {
        assertEquals(List.of(), MinestomCommandBridge.argumentsOf("audioviz"));
    }
}
