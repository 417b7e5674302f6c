package dev.audioviz.core.testing;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/** A real WebSocket client that records what it receives and how it was closed. */
public final class TestClient extends WebSocketClient {
    public final List<String> received = new CopyOnWriteArrayList<>();
    public volatile int closeCode = -1;
    public volatile String closeReason;

    private TestClient(URI uri) {
        super(uri);
    }

    /** Connects to ws://127.0.0.1:port and waits for the handshake. */
    public static TestClient connect(int port) throws InterruptedException {
        TestClient c = new TestClient(URI.create("ws://127.0.0.1:" + port));
        if (!c.connectBlocking()) throw new AssertionError("could not connect to :" + port);
        return c;
    }

    /** Connects and returns the client even if the server closes it at once (e.g. a full server). */
    public static TestClient connectMayBeRefused(int port) throws InterruptedException {
        TestClient c = new TestClient(URI.create("ws://127.0.0.1:" + port));
        c.connectBlocking();
        return c;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {}

    @Override
    public void onMessage(String message) {
        received.add(message);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closeReason = reason;
        closeCode = code;
    }

    @Override
    public void onError(Exception ex) {}

    /** Waits until the server closed the connection and returns the close code. */
    public int awaitClose() {
        ServerLoop.await(() -> closeCode != -1, "the connection to close");
        return closeCode;
    }

    /** Waits until at least {@code n} messages arrived. */
    public void awaitMessages(int n) {
        ServerLoop.await(() -> received.size() >= n, n + " messages (have " + received.size() + ")");
    }

    /** Received messages containing {@code fragment}. */
    public long count(String fragment) {
        return received.stream().filter(m -> m.contains(fragment)).count();
    }
}
