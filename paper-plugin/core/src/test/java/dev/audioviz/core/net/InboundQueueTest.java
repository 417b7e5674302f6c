package dev.audioviz.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.audioviz.core.net.InboundQueue.Inbound;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboundQueueTest {
    @Test
    void dropsTheOldestMessageWhenFullAndCountsIt() {
        InboundQueue q = new InboundQueue(2);
        q.offerMessage("c1", "t", "a");
        q.offerMessage("c1", "t", "b");
        q.offerMessage("c1", "t", "c");
        assertEquals(1, q.dropped());
        assertEquals(3, q.accepted());
        List<String> texts = new ArrayList<>();
        q.drainTo(i -> texts.add(i.text()));
        assertEquals(List.of("b", "c"), texts);
        assertEquals(0, q.size());
    }

    @Test
    void neverDropsConnectEventsAndKeepsArrivalOrder() {
        InboundQueue q = new InboundQueue(1);
        q.offerConnected("c1", true);
        q.offerMessage("c1", "t", "a");
        q.offerMessage("c1", "t", "b");
        q.offerDisconnected("c1");
        List<Inbound.Kind> kinds = new ArrayList<>();
        q.drainTo(i -> kinds.add(i.kind()));
        assertEquals(List.of(Inbound.Kind.CONNECTED, Inbound.Kind.MESSAGE, Inbound.Kind.DISCONNECTED), kinds);
    }
}
