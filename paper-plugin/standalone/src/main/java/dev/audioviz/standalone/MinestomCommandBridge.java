package dev.audioviz.standalone;

import dev.audioviz.core.AudioVizCore;
import dev.audioviz.core.command.CommandReply;
import dev.audioviz.core.command.CommandSenderInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.kyori.adventure.text.Component;
import net.kyori.adventure.text.format.NamedTextColor;
import net.minestom.server.command.CommandSender;
import net.minestom.server.command.builder.Command;
import net.minestom.server.command.builder.arguments.ArgumentStringArray;
import net.minestom.server.command.builder.arguments.ArgumentType;
import net.minestom.server.command.builder.suggestion.Suggestion;
import net.minestom.server.command.builder.suggestion.SuggestionEntry;
import net.minestom.server.coordinate.Pos;
import net.minestom.server.entity.Player;

/**
 * {@code /audioviz} (alias {@code /av}) on Minestom: wraps the sender, splits the arguments and forwards them
 * to the core, which hands them to the engine (the engine owns the command tree, permissions and
 * completions). On the standalone server every player holds every AudioViz permission: whoever can join a
 * private offline server is its operator.
 */
public final class MinestomCommandBridge extends Command {
    /** A NUL that Minestom appends to a tab-completion request ending in a space. */
    private static final String COMPLETION_PLACEHOLDER = "\0";

    private final AudioVizCore core;

    public MinestomCommandBridge(AudioVizCore core) {
        super("audioviz", "av");
        this.core = core;
        ArgumentStringArray args = ArgumentType.StringArray("args");
        args.setSuggestionCallback((sender, context, suggestion) -> suggest(sender, suggestion));
        setDefaultExecutor((sender, context) -> run(sender, List.of("help")));
        addSyntax((sender, context) -> run(sender, Arrays.asList(context.get(args))), args);
    }

    private void run(CommandSender sender, List<String> args) {
        core.command(describe(sender), args).thenAccept(reply -> show(sender, reply));
    }

    private void suggest(CommandSender sender, Suggestion suggestion) {
        List<String> args = argumentsOf(suggestion.getInput());
        for (String match : core.suggest(describe(sender), args)) suggestion.addEntry(new SuggestionEntry(match));
    }

    /** "audioviz zone cr" → [zone, cr]; a trailing space (or Minestom's placeholder) adds an empty argument. */
    static List<String> argumentsOf(String input) {
        String text = input.startsWith("/") ? input.substring(1) : input;
        boolean openArgument = text.endsWith(" ") || text.endsWith(COMPLETION_PLACEHOLDER);
        text = text.replace(COMPLETION_PLACEHOLDER, "").trim();
        List<String> args = new ArrayList<>();
        String[] parts = text.split("\\s+");
        for (int i = 1; i < parts.length; i++) args.add(parts[i]); // parts[0] is the command name
        if (openArgument) args.add("");
        return args;
    }

    private static void show(CommandSender sender, CommandReply reply) {
        NamedTextColor color = reply.ok() ? NamedTextColor.WHITE : NamedTextColor.RED;
        for (String line : reply.lines()) sender.sendMessage(Component.text(line, color));
    }

    /** A player with every permission and their position, or the console. */
    static CommandSenderInfo describe(CommandSender sender) {
        if (sender instanceof Player player) {
            Pos p = player.getPosition();
            return new CommandSenderInfo(player.getUsername(), CommandSenderInfo.PERMISSIONS,
                    new CommandSenderInfo.Location(StandaloneWorld.WORLD_NAME, p.x(), p.y(), p.z(), p.yaw()));
        }
        return CommandSenderInfo.console();
    }
}
