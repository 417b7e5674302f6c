package dev.audioviz.core.command;

import java.util.List;

/** A command's answer (scripts/src/host.ts {@code CommandReply}): lines for the sender and success. */
public record CommandReply(boolean ok, List<String> lines) {
    public CommandReply {
        lines = List.copyOf(lines);
    }

    public static CommandReply ok(String... lines) {
        return new CommandReply(true, List.of(lines));
    }

    public static CommandReply failed(String... lines) {
        return new CommandReply(false, List.of(lines));
    }
}
