package app.statustracker.wa.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.wa.binary.Node;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PendingMessageAcksTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final PendingMessageAcks acks = new PendingMessageAcks(scheduler);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void ackCompletesItsMessageOnly() throws Exception {
        CompletableFuture<MessageAck> first = acks.expect("3EB0A", Duration.ofSeconds(5));
        CompletableFuture<MessageAck> second = acks.expect("3EB0B", Duration.ofSeconds(5));
        assertFalse(acks.complete(ack("3EB0Z", null)), "nobody waits for Z");
        assertFalse(acks.complete(Node.builder("ack").attr("class", "receipt").attr("id", "3EB0A").build()));
        assertTrue(acks.complete(ack("3EB0B", "479")));
        assertFalse(first.isDone());
        MessageAck refused = second.get(1, TimeUnit.SECONDS);
        assertTrue(refused.isError());
        assertEquals(Optional.of("479"), refused.error());
        assertTrue(acks.complete(ack("3EB0A", null)));
        MessageAck accepted = first.get(1, TimeUnit.SECONDS);
        assertEquals(Optional.of(Instant.ofEpochSecond(1700000000L)), accepted.serverTime());
        assertFalse(accepted.isError());
        assertFalse(acks.complete(ack("3EB0A", null)), "an ack completes once");
    }

    @Test
    void missingAckTimesOut() {
        CompletableFuture<MessageAck> waiting = acks.expect("3EB0T", Duration.ofMillis(50));
        ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(2, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, e.getCause());
        assertFalse(acks.complete(ack("3EB0T", null)), "a late ack finds nobody waiting");
    }

    @Test
    void failAllEndsEveryWait() {
        CompletableFuture<MessageAck> waiting = acks.expect("3EB0F", Duration.ofSeconds(5));
        acks.failAll(new IllegalStateException("closed"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(1, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    private static Node ack(String id, String error) {
        var ack = Node.builder("ack").attr("class", "message").attr("id", id).attr("from", "status@broadcast")
                .attr("t", "1700000000");
        if (error != null) {
            ack.attr("error", error);
        }
        return ack.build();
    }
}
