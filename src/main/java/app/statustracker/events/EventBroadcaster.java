package app.statustracker.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fans events out to every connected sink as {@code {"event": name, "data": {...}}}. Transport-neutral, so the
 * WebSocket endpoint and any later transport share it.
 */
@ApplicationScoped
public class EventBroadcaster {
    private static final Logger LOG = Logger.getLogger(EventBroadcaster.class.getName());

    private final Set<EventSink> sinks = ConcurrentHashMap.newKeySet();
    private final Jsonb jsonb = JsonbBuilder.create();

    @JsonbPropertyOrder({"event", "data"})
    public record Envelope(String event, Object data) {
    }

    public void register(EventSink sink) {
        sinks.add(sink);
    }

    public void unregister(EventSink sink) {
        sinks.remove(sink);
    }

    public int listeners() {
        return sinks.size();
    }

    public void publish(String event, Object data) {
        String json = jsonb.toJson(new Envelope(event, data));
        for (EventSink sink : sinks) {
            if (!sink.isOpen()) {
                sinks.remove(sink);
                continue;
            }
            try {
                sink.send(json);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "dropping an event listener that failed", e);
                sinks.remove(sink);
            }
        }
    }
}
