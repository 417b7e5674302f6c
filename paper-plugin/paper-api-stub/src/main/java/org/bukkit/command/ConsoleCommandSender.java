// Compile-only signature of the real Paper API (checked against PaperMC/Paper 1.21.4 and 26.x); never shipped.
package org.bukkit.command;

public interface ConsoleCommandSender extends CommandSender {}
