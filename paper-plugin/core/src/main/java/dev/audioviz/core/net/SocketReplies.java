package dev.audioviz.core.net;

import dev.audioviz.core.json.JsonText;

/** The few frames the socket layer answers itself (docs/protocol.md :8765); everything else is the engine's. */
final class SocketReplies {
    private SocketReplies() {}

    static String connected(String serverType) {
        return "{\"type\":\"connected\",\"version\":" + JsonText.quote(ProtocolLimits.PROTOCOL_VERSION)
                + ",\"server_type\":" + JsonText.quote(serverType) + "}";
    }

    static String authOk() {
        return "{\"type\":\"auth_ok\"}";
    }

    static String pong(long timestampMillis, Object seq) {
        return "{\"type\":\"pong\",\"timestamp\":" + timestampMillis + seqSuffix(seq) + "}";
    }

    /** An {@code error} reply with a stable {@code code} and a readable message. */
    static String error(ErrorCode code, String message, Object seq) {
        return "{\"type\":\"error\",\"code\":" + JsonText.quote(code.name()) + ",\"message\":" + JsonText.quote(message)
                + seqSuffix(seq) + "}";
    }

    private static String seqSuffix(Object seq) {
        if (!(seq instanceof Double d) || d.isNaN() || d.isInfinite()) return "";
        return ",\"_seq\":" + (d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString());
    }
}
