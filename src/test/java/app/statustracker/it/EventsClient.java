package app.statustracker.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Listens on the service's events WebSocket and hands the received events to a test. */
public final class EventsClient implements AutoCloseable {
    private final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private EventsClient(WebSocket socket) {
        this.socket = socket;
    }

    /** @param headers name, value pairs for the handshake */
    public static CompletableFuture<EventsClient> connect(String wsUrl, String... headers) {
        BlockingQueue<JsonObject> sink = new LinkedBlockingQueue<>();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        StringBuilder partial = new StringBuilder();
        return b.buildAsync(URI.create(wsUrl), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    sink.add(Json.createReader(new StringReader(partial.toString())).readObject());
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }
        }).thenApply(ws -> {
            EventsClient client = new EventsClient(ws);
            client.events.addAll(sink); // none yet; the listener below keeps feeding the shared queue
            return client;
        }).thenApply(c -> c.feedFrom(sink));
    }

    private EventsClient feedFrom(BlockingQueue<JsonObject> source) {
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    events.add(source.take());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "events-client");
        t.setDaemon(true);
        t.start();
        return this;
    }

    /** The next event with this name whose data matches, within the timeout; fails the test otherwise. */
    public JsonObject await(String name, Predicate<JsonObject> data, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            JsonObject e = events.poll(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            if (e != null && name.equals(e.getString("event")) && data.test(e.getJsonObject("data"))) {
                return e.getJsonObject("data");
            }
        }
        throw new AssertionError("no " + name + " event within " + timeoutMs + " ms");
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
}
