package dev.audioviz.core.net;

/**
 * The numbers of docs/protocol.md that the Java side enforces itself, before any text reaches the engine.
 * They are defined in {@code shared-types} ({@code limits.ts}, {@code close-codes.ts}); a test compares
 * these against {@code shared-types/generated/protocol-constants.json} so the two cannot drift.
 */
public final class ProtocolLimits {
    /** Default :8765 port. */
    public static final int PLUGIN_PORT = 8765;
    /** Max inbound message, bytes, checked on the socket thread. */
    public static final int MAX_PLUGIN_MESSAGE_BYTES = 256 * 1024;
    /** Inbound queue capacity (configurable). */
    public static final int PLUGIN_QUEUE_CAPACITY = 1000;
    /** The first message must be {@code auth} within this time when a secret is set. */
    public static final long PLUGIN_AUTH_TIMEOUT_MS = 5_000;
    /** Clients silent for longer are dropped. */
    public static final long PLUGIN_IDLE_TIMEOUT_MS = 30_000;
    /** Simultaneous :8765 clients. */
    public static final int PLUGIN_MAX_CLIENTS = 16;
    /** Hard max entities per zone. */
    public static final int MAX_ENTITIES_PER_ZONE = 1024;
    /** The highest band index: the five bands are 0 (bass) to 4 (highs). */
    public static final int MAX_BAND_INDEX = 4;

    /** Close: no {@code auth} within the timeout. */
    public static final int CLOSE_HANDSHAKE_TIMEOUT = 4001;
    /** Close: first message not {@code auth}, or a wrong token. */
    public static final int CLOSE_INVALID_MESSAGE = 4002;
    /** Close: message over the size limit. */
    public static final int CLOSE_MESSAGE_TOO_BIG = 1009;
    /** Close: at the client limit. */
    public static final int CLOSE_TRY_AGAIN_LATER = 1013;
    /** Close: the server is shutting down. */
    public static final int CLOSE_NORMAL = 1000;
    /** Close: the client stayed silent past {@link #PLUGIN_IDLE_TIMEOUT_MS}. */
    public static final int CLOSE_PING_TIMEOUT = 4100;
    /** Sent as {@code version} in the {@code connected} welcome. */
    public static final String PROTOCOL_VERSION = "1.0.0";

    private ProtocolLimits() {}
}
