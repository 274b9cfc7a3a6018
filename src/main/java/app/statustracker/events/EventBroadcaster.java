package app.statustracker.events;

import app.statustracker.config.StatusSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one event bus: every event is serialised once and offered to every connected sink ({@code /ws} and Socket.IO
 * alike), each of which queues it for its client on its own. Publishing never waits for a client.
 * {@code status-viewers-update} is coalesced per status ({@link CoalescedViewerUpdates}).
 */
@ApplicationScoped
public class EventBroadcaster {

    public static final String VIEWERS_UPDATE = "status-viewers-update";

    @Resource
    ManagedThreadFactory threadFactory;
    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    StatusSettings settings;

    private final Set<EventSink> sinks = ConcurrentHashMap.newKeySet();
    private final Jsonb jsonb = JsonbBuilder.create();
    private CoalescedViewerUpdates viewerUpdates;
    /*
     * Sinks drain on a few threads of the server's thread factory, not through its managed executor: each task
     * submitted to that carries its context along, which on Payara costs a class path search per task, and an
     * event to 2,000 clients is 2,000 tasks. A delivery never blocks (every write is asynchronous) and needs no
     * context, so one thread per core is enough.
     */
    private ExecutorService delivery;

    @PostConstruct
    void init() {
        delivery = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), threadFactory);
        viewerUpdates = new CoalescedViewerUpdates(settings.viewersEventInterval(), scheduler,
                (statusKey, data) -> offerToSinks(serialise(VIEWERS_UPDATE, statusKey, data)));
    }

    @PreDestroy
    void stop() {
        viewerUpdates.flushAll();
        delivery.shutdown();
    }

    public void register(EventSink sink) {
        sinks.add(sink);
    }

    public void unregister(EventSink sink) {
        sinks.remove(sink);
    }

    /** Events one client may have waiting before it is dropped as too slow (EVENT_QUEUE_MAX). */
    public int queueCapacity() {
        return settings.eventQueueMax();
    }

    public int listeners() {
        return sinks.size();
    }

    /** Where sinks drain their queues. */
    public Executor deliveryExecutor() {
        return delivery;
    }

    /** One status's whole current viewer list; coalesced with the other updates of the same status. */
    public void publishViewers(String sessionId, String statusId, Object data) {
        viewerUpdates.offer(sessionId, statusId, data);
    }

    public void publish(String event, Object data) {
        PublishedEvent published = serialise(event, null, data);
        viewerUpdates.afterPending(published.sessionId(), () -> offerToSinks(published));
    }

    /** @param supersedes what the event is the whole state of, for {@link PublishedEvent#supersedes()}; or null */
    private PublishedEvent serialise(String event, String supersedes, Object data) {
        String dataJson = jsonb.toJson(data);
        return new PublishedEvent(event, sessionIdOf(dataJson), supersedes, dataJson);
    }

    private void offerToSinks(PublishedEvent published) {
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
