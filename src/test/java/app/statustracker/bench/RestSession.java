package app.statustracker.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;

/**
 * A session of the running service linked by QR the way a user links one: {@code POST /api/sessions}, the QR PNG
 * from {@code connection-status} read back and "scanned" by the simulated phone of a fresh simulator account.
 */
final class RestSession {
    private static final Duration LINK_TIMEOUT = Duration.ofSeconds(90);

    private RestSession() {
    }

    /** Returns once the session says connected (and its login's follow-ups have had a second to finish). */
    static void link(ServiceApi api, SimulatorControlClient control, String sessionId, String phone) throws Exception {
        control.createAccount(phone);
        ServiceApi.Reply created = api.post("/api/sessions", Json.createObjectBuilder().add("sessionId", sessionId)
                .add("sessionName", "bench").add("authMethod", "qrcode").build());
        if (created.status() != 201) {
            throw new IllegalStateException("POST /api/sessions answered " + created.status() + ": " + created.raw());
        }
        JsonObject waiting = await(api, sessionId, "a QR code", s -> s.containsKey("qrCode")
                && !s.isNull("qrCode"));
        control.scanQr(phone, QrImage.decode(waiting.getString("qrCode")));
        await(api, sessionId, "connected", s -> s.getBoolean("connected", false));
        Thread.sleep(1000); // as the other status benchmarks: pre-key count and passive iq of the login are done
    }

    private static JsonObject await(ServiceApi api, String sessionId, String what,
                                    java.util.function.Predicate<JsonObject> done) throws Exception {
        long deadline = System.nanoTime() + LINK_TIMEOUT.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            ServiceApi.Reply reply = api.get("/api/sessions/" + sessionId + "/connection-status");
            if (reply.status() == 200) {
                last = reply.data();
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("session " + sessionId + " not " + what + " within " + LINK_TIMEOUT + ": " + last);
    }
}
