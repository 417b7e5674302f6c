package dev.audioviz.standalone.testing;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/** A real WebSocket client of the :8765 socket that records what the server sends. */
public final class SocketClient extends WebSocketClient {
    private final List<String> received = new CopyOnWriteArrayList<>();

    private SocketClient(URI uri) {
        super(uri);
    }

    /** Connects to ws://127.0.0.1:{@code port} and waits for the server's {@code connected} greeting. */
    public static SocketClient connect(int port) throws InterruptedException {
        SocketClient client = new SocketClient(URI.create("ws://127.0.0.1:" + port));
        if (!client.connectBlocking()) throw new AssertionError("could not connect to the AudioViz socket :" + port);
        Waits.until(() -> client.received.stream().anyMatch(m -> m.contains("\"connected\"")),
                "the socket's connected message", () -> "received " + client.received);
        return client;
    }

    /** Messages received so far. */
    public List<String> received() {
        return List.copyOf(received);
    }

    @Override
    public void onOpen(ServerHandshake handshake) {}

    @Override
    public void onMessage(String message) {
        received.add(message);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {}

    @Override
    public void onError(Exception ex) {}
}
