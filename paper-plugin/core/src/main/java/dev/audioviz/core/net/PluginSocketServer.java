package dev.audioviz.core.net;

import dev.audioviz.core.json.TopLevelFields;
import dev.audioviz.core.json.TopLevelFields.MalformedJsonException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The :8765 server (docs/protocol.md ":8765 — hub or agent ⇄ Minecraft"). It enforces what must hold before any text reaches
 * the engine — client limit, message size, auth, idle timeout — answers {@code ping} itself, and otherwise
 * only hands raw text to the {@link InboundQueue}; socket threads never touch the script context.
 *
 * <p>Timeouts are checked by {@link #sweep()} against the injected clock; {@link #start()} schedules it every
 * {@value #SWEEP_INTERVAL_MS} ms.
 */
public final class PluginSocketServer {
    /**
     * Frames queued to a client that is not reading before it is dropped (1013), so one stalled client cannot
     * grow the heap without bound.
     */
    public static final int MAX_UNFLUSHED_SENDS = 5_000;
    /** How often auth and idle timeouts are checked, ms. */
    public static final long SWEEP_INTERVAL_MS = 250;

    private final String bindAddress;
    private final int port;
    private final TokenVerifier verifier;
    private final InstantSource clock;
    private final Logger logger;
    private final InboundQueue queue;
    private final String serverType;
    private final Map<String, WebSocket> clients = new ConcurrentHashMap<>();
    private final AtomicLong nextClientId = new AtomicLong();
    private final Listener listener;
    private volatile Thread sweeper;

    /**
     * @param bindAddress address to listen on; a non-loopback address needs a verifier
     * @param port 0 for any free port
     * @param verifier the secret clients must send in {@code auth}, or null for none
     * @param serverType "paper" or "standalone", sent in the {@code connected} welcome
     * @throws IllegalArgumentException when bound to a non-loopback address without a secret
     */
    public PluginSocketServer(
            String bindAddress,
            int port,
            TokenVerifier verifier,
            InstantSource clock,
            Logger logger,
            InboundQueue queue,
            String serverType) {
        this.bindAddress = bindAddress;
        this.port = port;
        this.verifier = verifier;
        this.clock = clock;
        this.logger = logger;
        this.queue = queue;
        this.serverType = serverType;
        if (verifier == null && !isLoopback(bindAddress)) {
            throw new IllegalArgumentException("socket.bind is " + bindAddress + ", which other machines can reach, but"
                    + " no socket.token or socket.token_hash is set: set one, or bind to 127.0.0.1");
        }
        // A message over the limit is refused with 1009. Up to twice the limit it is read whole first and refused in
        // onMessage: closing with unread bytes in the socket makes the kernel reset the connection, and the client
        // may then lose the close frame (it sees 1006). Beyond that the draft's buffer limit cuts it off as bytes
        // arrive, so no client can make the server hold more than this per connection.
        List<Draft> drafts = List.of(new Draft_6455(List.of(), 2 * ProtocolLimits.MAX_PLUGIN_MESSAGE_BYTES));
        this.listener = new Listener(new InetSocketAddress(bindAddress, port), drafts);
    }

    /**
     * Binds and starts accepting clients.
     *
     * @throws IOException when the address cannot be bound (port in use, unknown address)
     */
    public void start() throws IOException {
        listener.setReuseAddr(true);
        listener.setConnectionLostTimeout(0); // silence is judged by sweep() against the injected clock
        listener.setDaemon(true);
        listener.start();
        try {
            if (!listener.started.await(10, TimeUnit.SECONDS)) throw new IOException("the socket did not start in 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the socket", e);
        }
        Exception failure = listener.startFailure.get();
        if (failure != null) {
            throw new IOException("cannot listen on " + bindAddress + ":" + port + " (" + failure.getMessage()
                    + "); free the port or change socket.port", failure);
        }
        Thread t = new Thread(this::sweepLoop, "AudioViz socket sweeper");
        t.setDaemon(true);
        sweeper = t;
        t.start();
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return listener.getPort();
    }

    /** Clients connected now (authenticated or not). */
    public int clientCount() {
        return clients.size();
    }

    /** Sends one text frame to a client; a client that has gone is skipped silently. Thread-safe. */
    public void send(String clientId, String text) {
        WebSocket socket = clients.get(clientId);
        if (socket == null || !socket.isOpen()) return;
        ClientSession session = socket.getAttachment();
        synchronized (session) {
            if (!socket.hasBufferedData()) session.unflushedSends = 0;
            if (session.closing) return;
            if (++session.unflushedSends > MAX_UNFLUSHED_SENDS) {
                // A client that reads nothing would not read a close frame either: drop the connection now.
                session.closing = true;
                logger.warning("AudioViz client " + session.id + " stopped reading (" + MAX_UNFLUSHED_SENDS
                        + " frames waiting); dropping it");
                socket.closeConnection(ProtocolLimits.CLOSE_TRY_AGAIN_LATER, "not reading replies");
                return;
            }
        }
        try {
            socket.send(text);
        } catch (WebsocketNotConnectedException e) {
            // closed between the check and the send: nothing to deliver to
        }
    }

    /**
     * Sends an unsolicited {@code error} (no {@code _seq}) to every authenticated client: a fault of the show no
     * single request caused, which every client driving it should hear of. Thread-safe.
     */
    public void sendErrorToAll(ErrorCode code, String message) {
        String text = SocketReplies.error(code, message, null);
        for (Map.Entry<String, WebSocket> client : clients.entrySet()) {
            ClientSession session = client.getValue().getAttachment();
            if (session != null && session.authenticated) send(client.getKey(), text);
        }
    }

    /** Closes clients that missed the auth deadline or stayed silent too long. */
    public void sweep() {
        long now = clock.millis();
        for (WebSocket socket : clients.values()) {
            ClientSession session = socket.getAttachment();
            if (session == null || session.closing) continue;
            if (!session.authenticated && now - session.connectedAtMillis >= ProtocolLimits.PLUGIN_AUTH_TIMEOUT_MS) {
                close(socket, session, ProtocolLimits.CLOSE_HANDSHAKE_TIMEOUT, "no auth message within "
                        + ProtocolLimits.PLUGIN_AUTH_TIMEOUT_MS / 1000 + " s; send {\"type\":\"auth\",\"token\":...} first");
            } else if (now - session.lastMessageMillis >= ProtocolLimits.PLUGIN_IDLE_TIMEOUT_MS) {
                close(socket, session, ProtocolLimits.CLOSE_PING_TIMEOUT, "silent for "
                        + ProtocolLimits.PLUGIN_IDLE_TIMEOUT_MS / 1000 + " s; send a ping every 10 s");
            }
        }
    }

    /** Closes every client with 1000 and stops listening. */
    public void stop() {
        Thread t = sweeper;
        if (t != null) t.interrupt();
        try {
            listener.stop(1000, "server shutting down");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sweepLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(SWEEP_INTERVAL_MS);
                sweep();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                logger.log(Level.WARNING, "socket timeout check failed; retrying", e);
            }
        }
    }

    private synchronized void onOpen(WebSocket socket) {
        if (clients.size() >= ProtocolLimits.PLUGIN_MAX_CLIENTS) {
            socket.close(ProtocolLimits.CLOSE_TRY_AGAIN_LATER, "at the limit of " + ProtocolLimits.PLUGIN_MAX_CLIENTS
                    + " clients; try again later");
            return;
        }
        String id = "c" + nextClientId.incrementAndGet();
        ClientSession session = new ClientSession(id, clock.millis(), verifier == null);
        socket.setAttachment(session);
        clients.put(id, socket);
        socket.send(SocketReplies.connected(serverType));
        if (session.authenticated) announce(session);
        logger.info("AudioViz client " + id + " connected from " + socket.getRemoteSocketAddress());
    }

    private void onMessage(WebSocket socket, String text) {
        ClientSession session = socket.getAttachment();
        if (session == null || session.closing) return;
        session.lastMessageMillis = clock.millis();
        if (overSizeLimit(text)) {
            close(socket, session, ProtocolLimits.CLOSE_MESSAGE_TOO_BIG,
                    "a message may be at most " + ProtocolLimits.MAX_PLUGIN_MESSAGE_BYTES / 1024 + " KB");
            return;
        }
        Map<String, Object> fields;
        try {
            fields = TopLevelFields.parse(text);
        } catch (MalformedJsonException e) {
            if (!session.authenticated) {
                close(socket, session, ProtocolLimits.CLOSE_INVALID_MESSAGE, "the first message must be auth");
            } else {
                socket.send(SocketReplies.error(ErrorCode.INVALID_JSON, e.getMessage(), null));
            }
            return;
        }
        Object type = fields.get("type");
        if (!session.authenticated) {
            authenticate(socket, session, type, fields.get("token"));
            return;
        }
        Object seq = fields.get("_seq");
        if (!(type instanceof String)) {
            socket.send(SocketReplies.error(ErrorCode.INVALID_FIELD, "message.type: every message needs a string \"type\"", seq));
        } else if (type.equals("ping")) {
            Object ts = fields.get("timestamp");
            long timestamp = ts instanceof Double d ? d.longValue() : clock.millis();
            socket.send(SocketReplies.pong(timestamp, seq));
        } else if (type.equals("auth")) {
            socket.send(SocketReplies.authOk());
        } else {
            // The type sets the budget of the tick that handles it (a script load, or a type's first message).
            queue.offerMessage(session.id, (String) type, text);
        }
    }

    private void authenticate(WebSocket socket, ClientSession session, Object type, Object token) {
        if (!"auth".equals(type) || !(token instanceof String candidate)) {
            close(socket, session, ProtocolLimits.CLOSE_INVALID_MESSAGE,
                    "the first message must be {\"type\":\"auth\",\"token\":...}");
        } else if (!verifier.matches(candidate)) {
            logger.warning("AudioViz client " + session.id + " from " + socket.getRemoteSocketAddress()
                    + " sent a wrong token");
            close(socket, session, ProtocolLimits.CLOSE_INVALID_MESSAGE, "wrong token");
        } else {
            session.authenticated = true;
            socket.send(SocketReplies.authOk());
            announce(session);
        }
    }

    private void announce(ClientSession session) {
        session.announced = true;
        queue.offerConnected(session.id, true);
    }

    private void onClose(WebSocket socket) {
        ClientSession session = socket.getAttachment();
        if (session == null) return;
        clients.remove(session.id, socket);
        if (session.announced) queue.offerDisconnected(session.id);
        logger.info("AudioViz client " + session.id + " disconnected");
    }

    private static void close(WebSocket socket, ClientSession session, int code, String reason) {
        session.closing = true;
        socket.close(code, reason);
    }

    /** Whether a message is over the size limit on the wire (its UTF-8 bytes; counted only when it could be). */
    static boolean overSizeLimit(String text) {
        if (text.length() * 3L <= ProtocolLimits.MAX_PLUGIN_MESSAGE_BYTES) return false; // ≤ 3 bytes a char
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) bytes += 1;
            else if (c < 0x800) bytes += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4; // a pair of chars, one code point
                i++;
            } else bytes += 3;
        }
        return bytes > ProtocolLimits.MAX_PLUGIN_MESSAGE_BYTES;
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    /** Java-WebSocket's callbacks, kept private so the library stays out of the public API. */
    private final class Listener extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final AtomicReference<Exception> startFailure = new AtomicReference<>();

        Listener(InetSocketAddress address, List<Draft> drafts) {
            super(address, drafts);
        }

        @Override
        public void onOpen(WebSocket socket, ClientHandshake handshake) {
            PluginSocketServer.this.onOpen(socket);
        }

        @Override
        public void onClose(WebSocket socket, int code, String reason, boolean remote) {
            PluginSocketServer.this.onClose(socket);
        }

        @Override
        public void onMessage(WebSocket socket, String text) {
            PluginSocketServer.this.onMessage(socket, text);
        }

        @Override
        public void onMessage(WebSocket socket, java.nio.ByteBuffer bytes) {
            ClientSession session = socket.getAttachment();
            if (session != null) {
                socket.send(SocketReplies.error(ErrorCode.BINARY_FRAME, "send JSON text frames, not binary", null));
            }
        }

        @Override
        public void onError(WebSocket socket, Exception e) {
            if (socket == null) {
                startFailure.compareAndSet(null, e);
                started.countDown();
            } else {
                logger.log(Level.FINE, "AudioViz socket error", e);
            }
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}
