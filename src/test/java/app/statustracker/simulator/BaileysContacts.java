package app.statustracker.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.statustracker.simulator.pairing.PairingAttempt;
import app.statustracker.simulator.state.Account;
import app.statustracker.simulator.state.RegisteredDevice;
import app.statustracker.testing.BaileysDriver;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Baileys devices as the named contacts of a status test (driver module {@code contacts.mjs}): each is a
 * companion linked by QR to its own simulator account, whose socket can be closed and logged in again, and
 * whose received messages, message updates and receipt updates the driver records.
 */
public final class BaileysContacts {
    public static final Duration WAIT = Duration.ofSeconds(20);

    private final BaileysDriver baileys;
    private final WaSimulator simulator;
    private final BaileysLinking linking;

    /** One contact: its simulator account and device, and the driver handle of its current socket. */
    public static final class Contact {
        public final String name;
        public final Account account;
        public final int deviceId;
        volatile BaileysLinking.Socket socket;

        Contact(String name, Account account, int deviceId) {
            this.name = name;
            this.account = account;
            this.deviceId = deviceId;
        }

        public String lidUser() {
            return account.lidJid(0);
        }

        public String phone() {
            return account.phoneNumber();
        }
    }

    public BaileysContacts(BaileysDriver baileys, WaSimulator simulator, BaileysLinking linking) {
        this.baileys = baileys;
        this.simulator = simulator;
        this.linking = linking;
    }

    /** Creates the account (push name = name), links a new Baileys device by QR and logs it in as {@code name}. */
    public Contact link(String name, String phoneNumber) throws Exception {
        Account account = simulator.createAccount(phoneNumber);
        simulator.setPushName(phoneNumber, name);
        BaileysLinking.Socket registering = linking.connect(null);
        PairingAttempt attempt = simulator.scanQr(phoneNumber, linking.awaitQr(registering));
        assertEquals(515, linking.awaitCloseCode(registering));
        RegisteredDevice device = attempt.await(WAIT);
        Contact contact = new Contact(name, account, device.deviceId());
        contact.socket = new BaileysLinking.Socket(null, registering.auth());
        connect(contact);
        return contact;
    }

    /** A new socket on the contact's auth state, waited for until open and past its offline queue. */
    public void connect(Contact contact) {
        JsonObject opened = baileys.call("contactConnect", Json.createObjectBuilder().add("name", contact.name)
                .add("url", simulator.wsUrl().toString())
                .add("rootPublicKey", HexFormat.of().formatHex(simulator.rootPublicKey()))
                .add("auth", contact.socket.auth()).build());
        contact.socket = new BaileysLinking.Socket(opened.getString("handle"), opened.getString("auth"));
        linking.awaitUpdate(contact.socket, data -> data.getBoolean("receivedPendingNotifications", false));
    }

    public void disconnect(Contact contact) {
        linking.disconnect(contact.socket);
        simulator.awaitConnection(c -> c.device().isPresent() && !c.isOpen()
                && c.device().get().phoneNumber().equals(contact.phone()), WAIT);
    }

    /**
     * Posts a text status to the LID users of {@code audience}; returns Baileys' message key once the poster's
     * own 'append' upsert of it came out. Baileys holds that upsert in its event buffer for 100 ms and merges
     * receipt and status updates arriving meanwhile into it instead of emitting them; over loopback viewers
     * answer within that window, which no real viewer does.
     */
    public JsonObject postStatus(Contact poster, String text, List<Contact> audience, String backgroundColor, int font) {
        JsonObject key = baileys.call("postStatus", Json.createObjectBuilder().add("name", poster.name)
                .add("text", text).add("statusJidList", lids(audience)).add("backgroundColor", backgroundColor)
                .add("font", font).build()).getJsonObject("key");
        awaitOne(poster, "received", Map.of("key.id", key.getString("id"), "type", "append"));
        return key;
    }

    public JsonObject revokeStatus(Contact poster, JsonObject key, List<Contact> audience) {
        return baileys.call("revokeStatus", Json.createObjectBuilder().add("name", poster.name).add("key", key)
                .add("statusJidList", lids(audience)).build()).getJsonObject("key");
    }

    public void readStatuses(Contact viewer, JsonObject... keys) {
        baileys.call("readStatuses", Json.createObjectBuilder().add("name", viewer.name)
                .add("keys", Json.createArrayBuilder(List.of(keys))).build());
    }

    /**
     * Waits until the contact recorded {@code count} entries of {@code kind} (received, updates, receipts)
     * whose dotted paths equal the given values; returns them.
     */
    public JsonArray awaitRecorded(Contact contact, String kind, Map<String, Object> where, int count, Duration timeout) {
        JsonObjectBuilder match = Json.createObjectBuilder();
        where.forEach((path, value) -> match.add(path, String.valueOf(value)));
        try {
            return baileys.call("awaitRecorded", Json.createObjectBuilder().add("name", contact.name).add("kind", kind)
                    .add("where", match).add("count", count).add("timeoutMillis", timeout.toMillis()).build(),
                    timeout.plusSeconds(5)).getJsonArray("matches");
        } catch (BaileysDriver.DriverException e) {
            throw new AssertionError(e.getMessage() + "\nsimulator side:\n" + journalAbout(where.get("key.id")), e);
        }
    }

    /** The stanzas that mention {@code id}, and every refusal: what a failed wait needs explained. */
    private String journalAbout(Object id) {
        StringBuilder text = new StringBuilder();
        simulator.connections().stream().filter(c -> !c.refusals().isEmpty())
                .forEach(c -> text.append(c.id()).append(" refused ").append(c.refusals()).append('\n'));
        if (id != null) {
            simulator.journal().all().stream().filter(seen -> seen.node().toString().contains(id.toString()))
                    .forEach(seen -> text.append(seen.connectionId()).append(' ').append(seen.direction())
                            .append(' ').append(seen.node()).append('\n'));
        }
        return text.toString();
    }

    public JsonObject awaitOne(Contact contact, String kind, Map<String, Object> where) {
        return awaitRecorded(contact, kind, where, 1, WAIT).getJsonObject(0);
    }

    /** Everything of {@code kind} the contact recorded so far. */
    public List<JsonObject> recorded(Contact contact, String kind) {
        return baileys.call("recordings", Json.createObjectBuilder().add("name", contact.name).build())
                .getJsonArray(kind).getValuesAs(JsonObject.class);
    }

    private static JsonValue lids(List<Contact> audience) {
        var list = Json.createArrayBuilder();
        audience.forEach(contact -> list.add(contact.lidUser()));
        return list.build();
    }
}
