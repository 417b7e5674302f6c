package dev.audioviz.core.engine;

import dev.audioviz.core.storage.Documents;
import java.io.IOException;
import java.time.InstantSource;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The engine's {@code Host} (scripts/src/host.ts) implemented in Java. Scripts get no host access; this
 * narrow object of seven functions is the only Java they can reach. Every function runs on the script thread.
 */
public final class JavaHost {
    private final InstantSource clock;
    private final CallClock cpuClock;
    private final Logger logger;
    private final Documents documents;
    private final BiConsumer<String, String> send;
    private final BiConsumer<String, String> announce;

    /**
     * @param clock the server's clock ({@code now})
     * @param cpuClock the calling thread's CPU time ({@code cpuTime}: what pattern budgets are counted on)
     * @param send delivers a text frame to a :8765 client (clientId, text)
     * @param announce shows a line near a zone, or to everyone for a null zone (zone, message)
     */
    public JavaHost(
            InstantSource clock,
            CallClock cpuClock,
            Logger logger,
            Documents documents,
            BiConsumer<String, String> send,
            BiConsumer<String, String> announce) {
        this.clock = clock;
        this.cpuClock = cpuClock;
        this.logger = logger;
        this.documents = documents;
        this.send = send;
        this.announce = announce;
    }

    /**
     * The object handed to {@code createEngine(host)}: members now, cpuTime, log, readDocument, writeDocument, send,
     * announce.
     */
    ProxyObject toProxy() {
        return ProxyObject.fromMap(Map.of(
                "now", (ProxyExecutable) args -> (double) clock.millis(),
                "cpuTime", (ProxyExecutable) args -> cpuClock.nanos(Thread.currentThread()) / 1e6,
                "log", (ProxyExecutable) args -> {
                    log(string(args, 0), string(args, 1));
                    return null;
                },
                "readDocument", (ProxyExecutable) args -> readDocument(string(args, 0)),
                "writeDocument", (ProxyExecutable) args -> {
                    writeDocument(string(args, 0), string(args, 1));
                    return null;
                },
                "send", (ProxyExecutable) args -> {
                    send.accept(string(args, 0), string(args, 1));
                    return null;
                },
                "announce", (ProxyExecutable) args -> {
                    announce.accept(string(args, 0), string(args, 1));
                    return null;
                }));
    }

    private void log(String level, String message) {
        Level julLevel = switch (level == null ? "info" : level) {
            case "debug" -> Level.FINE;
            case "warn" -> Level.WARNING;
            case "error" -> Level.SEVERE;
            default -> Level.INFO;
        };
        logger.log(julLevel, "[engine] " + message);
    }

    private String readDocument(String name) {
        try {
            return documents.read(name);
        } catch (IOException e) {
            logger.log(Level.WARNING, "cannot read the engine document " + name + "; starting without it", e);
            return null;
        }
    }

    private void writeDocument(String name, String text) {
        if (text == null) return;
        try {
            documents.write(name, text);
        } catch (IOException e) {
            logger.log(Level.SEVERE, "cannot save the engine document " + name + ": " + e.getMessage()
                    + "; check that the data folder is writable", e);
        }
    }

    /** Argument {@code i} as a string, or null when missing or JS null/undefined. */
    private static String string(Value[] args, int i) {
        if (i >= args.length || args[i].isNull()) return null;
        return args[i].isString() ? args[i].asString() : args[i].toString();
    }
}
