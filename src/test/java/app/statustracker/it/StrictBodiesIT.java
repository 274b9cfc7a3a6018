package app.statustracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.it.ApiClient.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JSON route refuses a body of the wrong shape with a 400 in the envelope that names the problem, and
 * changes nothing: no session is created, no phone number changed, no status stored or sent.
 */
class StrictBodiesIT extends DeployedWar {
    private static final String SESSION = "strict1";
    private static final String PHONE = "15551239001";
    ApiClient api;

    /** The JSON routes, each with a body it accepts, as a template. */
    enum Route {
        CREATE_SESSION("POST", "/api/sessions",
                "{\"sessionId\":\"strict2\",\"sessionName\":\"S\",\"authMethod\":\"qrcode\"}", "sessionName"),
        PHONE_NUMBER("PUT", "/api/sessions/" + SESSION + "/phone-number", "{\"phoneNumber\":\"15551239002\"}",
                "phoneNumber"),
        SEND_STATUS("POST", "/api/sessions/" + SESSION + "/send-status",
                "{\"type\":\"text\",\"content\":\"hello\",\"targetNumbers\":\"15551239003\"}", "content");

        final String method;
        final String path;
        final String valid;
        final String textField;

        Route(String method, String path, String valid, String textField) {
            this.method = method;
            this.path = path;
            this.valid = valid;
            this.textField = textField;
        }

        /** The valid body with one more member at the end (raw JSON after the comma). */
        String with(String member) {
            return valid.substring(0, valid.length() - 1) + "," + member + "}";
        }

        /** The valid body with the text field's value replaced by raw JSON. */
        String withText(String rawValue) {
            return valid.replaceFirst("\"" + textField + "\":\"[^\"]*\"", "\"" + textField + "\":" + rawValue);
        }
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(Route.values()).flatMap(route -> Stream.of(
                Arguments.of(route, "an array", "[]".getBytes(StandardCharsets.UTF_8), "JSON object"),
                Arguments.of(route, "a string", "\"x\"".getBytes(StandardCharsets.UTF_8), "JSON object"),
                Arguments.of(route, "a number", "1".getBytes(StandardCharsets.UTF_8), "JSON object"),
                Arguments.of(route, "true", "true".getBytes(StandardCharsets.UTF_8), "JSON object"),
                Arguments.of(route, "null", "null".getBytes(StandardCharsets.UTF_8), ""),
                Arguments.of(route, "a duplicate key", route.with("\"" + route.textField + "\":\"again\"")
                        .getBytes(StandardCharsets.UTF_8), "Duplicate field '" + route.textField + "'"),
                Arguments.of(route, "an unknown field", route.with("\"targetNumber\":\"15551239004\"")
                        .getBytes(StandardCharsets.UTF_8), "Unknown field 'targetNumber'"),
                Arguments.of(route, "a number for text", route.withText("5").getBytes(StandardCharsets.UTF_8),
                        route.textField),
                Arguments.of(route, "an object for text", route.withText("{\"a\":1}").getBytes(StandardCharsets.UTF_8),
                        route.textField),
                Arguments.of(route, "an array for text", route.withText("[\"a\"]").getBytes(StandardCharsets.UTF_8),
                        route.textField),
                Arguments.of(route, "a boolean for text", route.withText("true").getBytes(StandardCharsets.UTF_8),
                        route.textField),
                Arguments.of(route, "Latin-1 bytes", latin1(route), "UTF-8")));
    }

    private static boolean created;

    @BeforeEach
    void session() throws InterruptedException {
        api = newClient();
        if (!created) {
            ItSimulator.get().createAccount(PHONE);
            assertEquals(201, call(() -> api.post("/api/sessions", "{\"sessionId\":\"" + SESSION + "\","
                    + "\"sessionName\":\"S\",\"authMethod\":\"pairing\",\"phoneNumber\":\"" + PHONE + "\"}")).status());
            created = true;
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("badBodies")
    void isRefusedWith400AndChangesNothing(Route route, String what, byte[] body, String named)
            throws InterruptedException {
        JsonArray sessionsBefore = sessions();
        int statusesBefore = statuses();

        Reply r = call(() -> api.send(HttpRequest.newBuilder(URI.create(api.base() + route.path))
                .timeout(Duration.ofSeconds(30))
                .header("x-api-key", ApiClient.TEST_API_KEY).header("Content-Type", "application/json")
                .method(route.method, HttpRequest.BodyPublishers.ofByteArray(body)).build()));

        assertEquals(400, r.status(), what + ": " + r.raw());
        JsonObject envelope = r.json();
        assertFalse(envelope.getBoolean("success"), r.raw());
        assertTrue(envelope.getString("error").contains(named), what + " should name " + named + ": " + r.raw());
        assertFalse(envelope.getString("error").contains("app.statustracker"), "no class names: " + r.raw());
        JsonArray sessionsAfter = sessions();
        assertEquals(ids(sessionsBefore), ids(sessionsAfter), "no session created or removed");
        assertEquals(phoneOf(sessionsBefore), phoneOf(sessionsAfter), "the phone number is unchanged");
        assertEquals(statusesBefore, statuses(), "no status stored");
    }

    /** The IT server's rate limit is tight (120 per 6 s) and this class sends many requests: wait it out. */
    private static Reply call(Supplier<Reply> request) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Reply r = request.get();
            if (r.status() != 429 || attempt == 20) {
                return r;
            }
            String retry = r.header("Retry-After");
            Thread.sleep(1000L * (retry == null ? 1 : Math.max(1, Long.parseLong(retry))));
        }
    }

    private static byte[] latin1(Route route) {
        return route.withText("\"caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1);
    }

    private JsonArray sessions() throws InterruptedException {
        return call(() -> api.get("/api/sessions")).json().getJsonArray("data");
    }

    private static List<String> ids(JsonArray sessions) {
        return sessions.stream().map(v -> ((JsonObject) v).getString("sessionId")).sorted().toList();
    }

    private static String phoneOf(JsonArray sessions) {
        return sessions.stream().map(JsonObject.class::cast).filter(s -> s.getString("sessionId").equals(SESSION))
                .findFirst().orElseThrow().getString("phoneNumber");
    }

    private int statuses() throws InterruptedException {
        return call(() -> api.get("/api/sessions/" + SESSION + "/sent-statuses")).json().getJsonArray("data").size();
    }
}
