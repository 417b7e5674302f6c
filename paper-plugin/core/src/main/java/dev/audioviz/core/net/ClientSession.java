package dev.audioviz.core.net;

/** What the server remembers about one :8765 connection (attached to its socket). */
final class ClientSession {
    final String id;
    final long connectedAtMillis;
    volatile long lastMessageMillis;
    /** False until {@code auth} succeeded when a secret is set; true from the start otherwise. */
    volatile boolean authenticated;
    /** Set once the socket is being closed, so no further text is accepted from it. */
    volatile boolean closing;
    /** Set when the engine was told about this client, so it is told when it leaves. */
    volatile boolean announced;
    /** Frames sent since the socket last had nothing buffered: a client that stops reading grows this. */
    int unflushedSends;

    ClientSession(String id, long nowMillis, boolean authenticated) {
        this.id = id;
        this.connectedAtMillis = nowMillis;
        this.lastMessageMillis = nowMillis;
        this.authenticated = authenticated;
    }
}
