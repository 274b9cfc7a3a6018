package app.statustracker.wa.transport;

import app.statustracker.wa.binary.Node;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Collects what a connection delivers, for assertions. */
final class RecordingListener implements ConnectionListener {
    final BlockingQueue<Node> nodes = new LinkedBlockingQueue<>();
    final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    final AtomicInteger closeCalls = new AtomicInteger();

    @Override
    public void onNode(WaConnection connection, Node node) {
        nodes.add(node);
    }

    @Override
    public void onClose(WaConnection connection, CloseReason reason) {
        closeCalls.incrementAndGet();
        closed.complete(reason);
    }

    Node nextNode() throws InterruptedException {
        Node node = nodes.poll(5, TimeUnit.SECONDS);
        if (node == null) {
            throw new AssertionError("no node within 5 s");
        }
        return node;
    }

    /** Generous: on a loaded 2-core CI machine the client has seen a dropped socket's FIN only after 10 s. */
    CloseReason awaitClose() throws Exception {
        return closed.get(30, TimeUnit.SECONDS);
    }
}
