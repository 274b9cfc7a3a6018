package app.statustracker.events;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The one event bus: every event is serialised once and offered to every connected sink ({@code /ws} and Socket.IO
 * alike), each of which queues it for its client on its own. Publishing never waits for a client.
 */
@ApplicationScoped
public class EventBroadcaster {
    /** Events one client may have waiting before it is dropped as too slow. */
    public static final int QUEUE_CAPACITY = 1024;

    @Resource
    ManagedExecutorService executor;

    private final Set<EventSink> sinks = ConcurrentHashMap.newKeySet();
    private final Jsonb jsonb = JsonbBuilder.create();

    public void register(EventSink sink) {
        sinks.add(sink);
    }

    public void unregister(EventSink sink) {
        sinks.remove(sink);
    }

    public int listeners() {
        return sinks.size();
    }

    /** Where sinks drain their queues: the server's managed executor. */
    public Executor deliveryExecutor() {
        return executor;
    }

    public void publish(String event, Object data) {
        String dataJson = jsonb.toJson(data);
        String envelope = "{\"event\":" + jsonb.toJson(event) + ",\"data\":" + dataJson + "}";
        PublishedEvent published = new PublishedEvent(event, sessionIdOf(dataJson), dataJson, envelope);
        for (EventSink sink : sinks) {
            if (!sink.offer(published)) {
                sinks.remove(sink);
            }
        }
    }

    /** Every event of the seed names its session; a listener that follows one session filters on it. */
    private static String sessionIdOf(String dataJson) {
        JsonValue value = Json.createReader(new StringReader(dataJson)).readValue();
        if (value instanceof JsonObject object && object.get("sessionId") instanceof JsonString id) {
            return id.getString();
        }
        return null;
    }
}
