package dev.audioviz.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.audioviz.core.net.InboundQueue.Inbound;
import dev.audioviz.core.testing.ManualClock;
import dev.audioviz.core.testing.ServerLoop;
import dev.audioviz.core.testing.TestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The :8765 rules end to end: a real server on loopback, real WebSocket clients, a manual clock. */
class PluginSocketServerIntegrationTest {
    private final ManualClock clock = new ManualClock(10_000);
    private final InboundQueue queue = new InboundQueue(1000);
    private final List<TestClient> clients = new ArrayList<>();
    private PluginSocketServer server;

    @AfterEach
    void tearDown() throws InterruptedException {
        for (TestClient c : clients) c.closeBlocking();
        if (server != null) server.stop();
    }

    private PluginSocketServer start(TokenVerifier verifier) throws Exception {
        server = new PluginSocketServer("127.0.0.1", 0, verifier, clock, Logger.getLogger("test"), queue, "paper");
        server.start();
        return server;
    }

    private TestClient client() throws InterruptedException {
        TestClient c = TestClient.connect(server.port());
        clients.add(c);
        c.awaitMessages(1);
        return c;
    }

    private List<Inbound> drain() {
        List<Inbound> items = new ArrayList<>();
        queue.drainTo(items::add);
        return items;
    }

    @Test
    void welcomesEveryClientWithVersionAndServerType() throws Exception {
        start(null);
        TestClient c = client();
        assertEquals("{\"type\":\"connected\",\"version\":\"1.0.0\",\"server_type\":\"paper\"}", c.received.get(0));
    }

    @Test
    void handsTextToTheQueueWithoutAuthOnLoopbackWithoutAToken() throws Exception {
        start(null);
        TestClient c = client();
        c.send("{\"type\":\"audio_state\"}");
        ServerLoop.await(() -> queue.size() == 1, "the message in the queue");
        List<Inbound> items = drain();
        assertEquals(Inbound.Kind.CONNECTED, items.get(0).kind());
        assertTrue(items.get(0).trusted());
        assertEquals("{\"type\":\"audio_state\"}", items.get(1).text());
    }

    @Test
    void refusesToBindBeyondLoopbackWithoutAToken() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new PluginSocketServer("0.0.0.0", 0, null, clock, Logger.getLogger("test"), queue, "paper"));
        assertTrue(e.getMessage().contains("socket.token"));
    }

    @Test
    void answersPingWithPongEchoingTimestampAndSeq() throws Exception {
        start(null);
        TestClient c = client();
        c.send("{\"type\":\"ping\",\"timestamp\":1234,\"_seq\":7}");
        c.send("{\"type\":\"ping\"}");
        c.awaitMessages(3);
        assertEquals("{\"type\":\"pong\",\"timestamp\":1234,\"_seq\":7}", c.received.get(1));
        assertEquals("{\"type\":\"pong\",\"timestamp\":10000}", c.received.get(2));
        assertEquals(0, queue.size(), "pings never reach the engine");
    }

    @Test
    void closesWith1009OnAMessageOverTheSizeLimit() throws Exception {
        start(null);
        TestClient c = client();
        c.send("{\"type\":\"x\",\"pad\":\"" + "a".repeat(ProtocolLimits.MAX_PLUGIN_MESSAGE_BYTES) + "\"}");
        assertEquals(ProtocolLimits.CLOSE_MESSAGE_TOO_BIG, c.awaitClose());
        assertEquals(0, queue.size());
    }

    @Test
    void countsTheLimitInUtf8BytesNotCharacters() throws Exception {
        start(null);
        TestClient c = client();
        // 131 073 "é" are 262 146 bytes on the wire: under the limit in characters, over it in bytes.
        c.send("{\"type\":\"x\",\"pad\":\"" + "\u00e9".repeat(ProtocolLimits.MAX_PLUGIN_MESSAGE_BYTES / 2 + 1) + "\"}");
        assertEquals(ProtocolLimits.CLOSE_MESSAGE_TOO_BIG, c.awaitClose());
        assertEquals(0, queue.size());
    }

    @Test
    void countsACharacterOutsideTheBasicPlaneAsFourBytes() {
        String note = "\uD83C\uDFB5"; // one code point, two chars, four bytes in UTF-8
        int fit = ProtocolLimits.MAX_PLUGIN_MESSAGE_BYTES / 4;
        assertFalse(PluginSocketServer.overSizeLimit(note.repeat(fit)));
        assertTrue(PluginSocketServer.overSizeLimit(note.repeat(fit) + "a"));
        assertFalse(PluginSocketServer.overSizeLimit("a".repeat(ProtocolLimits.MAX_PLUGIN_MESSAGE_BYTES)));
    }

    @Test
    void cutsOffAMessageFarOverTheLimitWithoutReadingItWhole() throws Exception {
        start(null);
        TestClient c = client();
        c.send("{\"type\":\"x\",\"pad\":\"" + "a".repeat(3 * ProtocolLimits.MAX_PLUGIN_MESSAGE_BYTES) + "\"}");
        int code = c.awaitClose();
        // The draft refuses it as bytes arrive (1009); the client may see that as a reset (1006) instead.
        assertTrue(code == ProtocolLimits.CLOSE_MESSAGE_TOO_BIG || code == 1006, "closed with " + code);
        assertEquals(0, queue.size());
    }

    @Test
    void acceptsAMessageJustUnderTheSizeLimit() throws Exception {
        start(null);
        TestClient c = client();
        String prefix = "{\"type\":\"x\",\"pad\":\"";
        c.send(prefix + "a".repeat(ProtocolLimits.MAX_PLUGIN_MESSAGE_BYTES - prefix.length() - 2) + "\"}");
        ServerLoop.await(() -> queue.size() == 1, "the large message in the queue");
    }

    @Test
    void refusesThe17thClientWith1013() throws Exception {
        start(null);
        for (int i = 0; i < ProtocolLimits.PLUGIN_MAX_CLIENTS; i++) client();
        TestClient extra = TestClient.connectMayBeRefused(server.port());
        clients.add(extra);
        assertEquals(ProtocolLimits.CLOSE_TRY_AGAIN_LATER, extra.awaitClose());
        assertEquals(ProtocolLimits.PLUGIN_MAX_CLIENTS, server.clientCount());
    }

    @Test
    void dropsClientsSilentFor30Seconds() throws Exception {
        start(null);
        TestClient quiet = client();
        clock.advance(Duration.ofMillis(ProtocolLimits.PLUGIN_IDLE_TIMEOUT_MS - 1));
        server.sweep();
        TestClient talker = client();
        clock.advance(Duration.ofMillis(1));
        talker.send("{\"type\":\"ping\"}");
        talker.awaitMessages(2);
        server.sweep();
        assertEquals(ProtocolLimits.CLOSE_PING_TIMEOUT, quiet.awaitClose());
        assertEquals(-1, talker.closeCode, "a client that talks stays");
    }

    @Test
    void answersEachOf5000MalformedMessagesWithAnErrorAndKeepsServing() throws Exception {
        start(null);
        TestClient c = client();
        String[] bad = {"not json", "{", "[1,2]", "{\"type\":5}", "{\"a\":1}", "{\"type\":\"x\"} trailing",
            "[".repeat(10_000), "\"type\"", "{\"type\":\"x\",}", "{'type':'x'}"};
        for (int i = 0; i < 5000; i++) c.send(bad[i % bad.length]);
        c.awaitMessages(5001);
        assertEquals(5000, c.count("\"type\":\"error\""));
        c.send("{\"type\":\"ping\"}");
        c.awaitMessages(5002);
        assertTrue(c.received.get(5001).contains("pong"));
        assertEquals(0, queue.size(), "malformed text never reaches the engine");
    }

    @Test
    void dropsAClientThatStopsReadingInsteadOfBufferingWithoutBound() throws Exception {
        start(null);
        try (java.net.Socket raw = new java.net.Socket("127.0.0.1", server.port())) {
            raw.setReceiveBufferSize(4096);
            raw.getOutputStream().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            ServerLoop.await(() -> server.clientCount() == 1, "the raw client accepted");
            ServerLoop.await(() -> queue.size() == 0 && !drainIds().isEmpty(), "its id");
            String frame = "{\"type\":\"pad\",\"x\":\"" + "x".repeat(8_000) + "\"}";
            // The client never reads: the kernel buffers fill, then the server's queue; past the limit it is dropped.
            for (int i = 0; i <= PluginSocketServer.MAX_UNFLUSHED_SENDS + 2000 && server.clientCount() == 1; i++) {
                server.send(rawId, frame);
            }
            ServerLoop.await(() -> server.clientCount() == 0, "the stalled client dropped");
        }
    }

    private String rawId;

    private List<String> drainIds() {
        List<String> ids = new ArrayList<>();
        queue.drainTo(item -> ids.add(item.clientId()));
        if (!ids.isEmpty()) rawId = ids.get(0);
        return ids;
    }

    @Nested
    class WithAToken {
        @Test
        void acceptsTheRightTokenWithAuthOk() throws Exception {
            start(TokenVerifier.ofPlain("s3cret"));
            TestClient c = client();
            c.send("{\"type\":\"auth\",\"token\":\"s3cret\"}");
            c.awaitMessages(2);
            assertEquals("{\"type\":\"auth_ok\"}", c.received.get(1));
            c.send("{\"type\":\"audio_state\"}");
            ServerLoop.await(() -> queue.size() == 1, "the message after auth");
            assertEquals(Inbound.Kind.CONNECTED, drain().get(0).kind());
        }

        @Test
        void acceptsATokenStoredAsASaltedHash() throws Exception {
            start(TokenVerifier.ofHash(TokenVerifier.hash("s3cret")));
            TestClient c = client();
            c.send("{\"type\":\"auth\",\"token\":\"s3cret\"}");
            c.awaitMessages(2);
            assertEquals("{\"type\":\"auth_ok\"}", c.received.get(1));
        }

        @Test
        void closesWith4002OnAWrongToken() throws Exception {
            start(TokenVerifier.ofPlain("s3cret"));
            TestClient c = client();
            c.send("{\"type\":\"auth\",\"token\":\"guess\"}");
            assertEquals(ProtocolLimits.CLOSE_INVALID_MESSAGE, c.awaitClose());
            assertEquals("wrong token", c.closeReason);
            assertTrue(drain().isEmpty(), "the engine never hears of it");
        }

        @Test
        void closesWith4002WhenTheFirstMessageIsNotAuth() throws Exception {
            start(TokenVerifier.ofPlain("s3cret"));
            TestClient c = client();
            c.send("{\"type\":\"audio_state\"}");
            assertEquals(ProtocolLimits.CLOSE_INVALID_MESSAGE, c.awaitClose());
            assertEquals(0, queue.size());
        }

        @Test
        void closesWith4001WithoutAuthWithin5Seconds() throws Exception {
            start(TokenVerifier.ofPlain("s3cret"));
            TestClient c = client();
            clock.advance(Duration.ofMillis(ProtocolLimits.PLUGIN_AUTH_TIMEOUT_MS - 1));
            server.sweep();
            clock.advance(Duration.ofMillis(1));
            server.sweep();
            assertEquals(ProtocolLimits.CLOSE_HANDSHAKE_TIMEOUT, c.awaitClose());
        }

        @Test
        void keepsAnUnauthenticatedClientUntilTheDeadline() throws Exception {
            start(TokenVerifier.ofPlain("s3cret"));
            TestClient c = client();
            clock.advance(Duration.ofMillis(ProtocolLimits.PLUGIN_AUTH_TIMEOUT_MS - 1));
            server.sweep();
            c.send("{\"type\":\"auth\",\"token\":\"s3cret\"}");
            c.awaitMessages(2);
            assertEquals(-1, c.closeCode);
        }
    }
}
