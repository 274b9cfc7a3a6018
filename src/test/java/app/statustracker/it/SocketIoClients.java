package app.statustracker.it;

import app.statustracker.testing.BaileysDriver;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Named clients of the pinned, unmodified socket.io-client, run by the Node harness, each recording every event
 * it receives: the way the seed's dashboards and scripts connect.
 */
final class SocketIoClients {
    private final BaileysDriver node;
    private final String url;
    private final Duration wait;

    SocketIoClients(BaileysDriver node, String url, Duration wait) {
        this.node = node;
        this.url = url;
        this.wait = wait;
    }

    /** Connects with these socket.io-client options; answers once it is connected or refused. */
    JsonObject connect(String name, JsonObject options) {
        return node.call("sioConnect", Json.createObjectBuilder().add("name", name).add("url", url)
                .add("options", options).build(), wait);
    }

    /**
     * @param transport only this transport, or null for the defaults (polling, then the upgrade)
     * @param key       where the key goes: auth (token), apiKeyAuth, header, bearer, query, or none
     */
    static JsonObject options(String transport, String key, String value) {
        var o = Json.createObjectBuilder();
        if (transport != null) {
            o.add("transports", Json.createArrayBuilder().add(transport));
        }
        switch (key) {
            case "auth" -> o.add("auth", Json.createObjectBuilder().add("token", value));
            case "apiKeyAuth" -> o.add("auth", Json.createObjectBuilder().add("apiKey", value));
            case "header" -> o.add("extraHeaders", Json.createObjectBuilder().add("x-api-key", value));
            case "bearer" -> o.add("extraHeaders", Json.createObjectBuilder().add("Authorization", "Bearer " + value));
            case "query" -> o.add("query", Json.createObjectBuilder().add("apiKey", value));
            default -> { }
        }
        return o.build();
    }

    /** The client's state: connected or disconnected, the transport, the reason it was let go. */
    JsonObject recorded(String name) {
        return node.call("sioRecorded", Json.createObjectBuilder().add("name", name).build());
    }

    /** Every event the client received so far, in order, each as {event, data}. */
    List<JsonObject> events(String name) {
        JsonArray recorded = recorded(name).getJsonArray("events");
        return recorded.getValuesAs(JsonValue::asJsonObject);
    }

    /** Waits for the first event of that name whose data has these string fields; returns its data. */
    JsonObject awaitEvent(String name, String event, Map<String, String> where) {
        var w = Json.createObjectBuilder();
        where.forEach(w::add);
        JsonArray matches = node.call("sioAwait", Json.createObjectBuilder().add("name", name).add("event", event)
                .add("where", w).add("timeoutMillis", wait.toMillis()).build(), wait.plusSeconds(5))
                .getJsonArray("matches");
        return matches.getJsonObject(0).getJsonObject("data");
    }

    /** Waits for a status-viewers-update of that status in which some viewer has a view time. */
    JsonObject awaitViewed(String name, String statusId) throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < until) {
            for (JsonObject e : events(name)) {
                JsonObject data = e.getJsonObject("data");
                if (e.getString("event").equals("status-viewers-update") && statusId.equals(data.getString("statusId"))
                        && data.getJsonArray("viewers").stream().anyMatch(v -> !v.asJsonObject().isNull("viewedAt"))) {
                    return data;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + ": no status-viewers-update with a view of " + statusId);
    }

    void emit(String name, String event, String arg) {
        node.call("sioEmit", Json.createObjectBuilder().add("name", name).add("event", event).add("arg", arg).build());
    }

    void close(List<String> names) {
        for (String name : names) {
            node.call("sioClose", Json.createObjectBuilder().add("name", name).build());
        }
    }
}
