package app.statustracker.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Every event the service's {@code /ws} sent since connecting, kept: unlike {@link EventsClient}, waiting for one
 * event consumes nothing, so a test can look for events of several statuses in whatever order they came.
 */
final class EventLog implements AutoCloseable {
    private final List<JsonObject> events = new ArrayList<>();
    private final WebSocket socket;

    private EventLog(ApiClient api) throws Exception {
        StringBuilder partial = new StringBuilder();
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .header("x-api-key", ApiClient.TEST_API_KEY)
                .buildAsync(URI.create(api.base().replace("http://", "ws://") + "/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            JsonObject event = Json.createReader(new StringReader(partial.toString())).readObject();
                            partial.setLength(0);
                            synchronized (events) {
                                events.add(event);
                                events.notifyAll();
                            }
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    static EventLog connect(ApiClient api) throws Exception {
        return new EventLog(api);
    }

    /** The data of every event named {@code name} so far, oldest first. */
    List<JsonObject> all(String name) {
        synchronized (events) {
            return events.stream().filter(e -> name.equals(e.getString("event"))).map(e -> e.getJsonObject("data"))
                    .toList();
        }
    }

    /** The data of the first event named {@code name} that matches, waiting for it up to {@code timeout}. */
    JsonObject await(String name, Predicate<JsonObject> data, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            while (true) {
                for (JsonObject e : events) {
                    if (name.equals(e.getString("event")) && data.test(e.getJsonObject("data"))) {
                        return e.getJsonObject("data");
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching " + name + " event within " + timeout + "; got "
                            + events.stream().filter(e -> name.equals(e.getString("event"))).toList());
                }
                TimeUnit.NANOSECONDS.timedWait(events, left);
            }
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
}
