package dev.audioviz.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.audioviz.core.command.CommandSenderInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandSuggestionsTest {
    private final CommandSuggestions suggestions = new CommandSuggestions();
    private final CommandSenderInfo console = CommandSenderInfo.console();

    @Test
    void asksTheEngineWithAnEmptyLastArgumentAndFiltersThePrefixHere() {
        CommandSuggestions.Lookup first = suggestions.lookup(console, List.of("zone", "cr"));
        assertEquals(List.of("zone", ""), first.argsForEngine());
        assertEquals(List.of(), first.matches(), "nothing known yet");
        suggestions.store(first.key(), List.of("create", "delete", "Crop"));
        assertEquals(List.of("create", "Crop"), suggestions.lookup(console, List.of("zone", "cr")).matches());
        assertEquals(List.of("delete"), suggestions.lookup(console, List.of("zone", "d")).matches());
    }

    @Test
    void keepsSendersWithOtherPermissionsApart() {
        CommandSuggestions.Lookup admin = suggestions.lookup(console, List.of(""));
        suggestions.store(admin.key(), List.of("reload"));
        CommandSenderInfo guest = new CommandSenderInfo("guest", List.of(), null);
        assertEquals(List.of(), suggestions.lookup(guest, List.of("")).matches());
    }
}
