package dev.audioviz.core.net;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * The only hand-off from socket threads to the script thread: client events and raw text frames in arrival
 * order. Bounded: when {@code capacity} messages are waiting, the oldest message is dropped and counted
 * (docs/protocol.md: the oldest is dropped when full). Connect/disconnect events are never dropped; there are at most
 * two per accepted client.
 */
public final class InboundQueue {
    /**
     * One item: a text frame with its message {@code type}, or a client's arrival ({@code trusted} set) or
     * departure (no type, no text).
     */
    public record Inbound(Kind kind, String clientId, String type, String text, boolean trusted) {
        public enum Kind {
            MESSAGE,
            /** A message that loads a script ({@code load_script}): its tick needs a script's time budget. */
            SCRIPT,
            CONNECTED,
            DISCONNECTED
        }

        boolean isMessage() {
            return kind == Kind.MESSAGE || kind == Kind.SCRIPT;
        }
    }

    private final int capacity;
    private final ArrayDeque<Inbound> items = new ArrayDeque<>();
    private int messages;
    private long dropped;
    private long accepted;

    /** @param capacity messages held at most, ≥ 1 */
    public InboundQueue(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be ≥ 1");
        this.capacity = capacity;
    }

    /**
     * Adds a text frame of message type {@code type}; drops the oldest waiting message when full. Never blocks
     * for long. A {@code load_script} message is of {@link Inbound.Kind#SCRIPT}.
     */
    public synchronized void offerMessage(String clientId, String type, String text) {
        if (messages == capacity) dropOldestMessage();
        Inbound.Kind kind = type.equals("load_script") ? Inbound.Kind.SCRIPT : Inbound.Kind.MESSAGE;
        items.addLast(new Inbound(kind, clientId, type, text, false));
        messages++;
        accepted++;
    }

    public synchronized void offerConnected(String clientId, boolean trusted) {
        items.addLast(new Inbound(Inbound.Kind.CONNECTED, clientId, null, null, trusted));
    }

    public synchronized void offerDisconnected(String clientId) {
        items.addLast(new Inbound(Inbound.Kind.DISCONNECTED, clientId, null, null, false));
    }

    /** Hands every waiting item to {@code sink} in arrival order (called on the script thread). */
    public void drainTo(Consumer<Inbound> sink) {
        Inbound[] batch;
        synchronized (this) {
            batch = items.toArray(new Inbound[0]);
            items.clear();
            messages = 0;
        }
        for (Inbound item : batch) sink.accept(item);
    }

    /** Messages waiting now. */
    public synchronized int size() {
        return messages;
    }

    public int capacity() {
        return capacity;
    }

    /** Messages dropped because the queue was full, since start. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Messages accepted, since start (dropped ones included). */
    public synchronized long accepted() {
        return accepted;
    }

    private void dropOldestMessage() {
        Iterator<Inbound> it = items.iterator();
        while (it.hasNext()) {
            if (it.next().isMessage()) {
                it.remove();
                messages--;
                dropped++;
                return;
            }
        }
    }
}
