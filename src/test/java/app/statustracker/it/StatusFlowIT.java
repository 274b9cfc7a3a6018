package app.statustracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.it.ApiClient.Reply;
import app.statustracker.simulator.BaileysContacts;
import app.statustracker.simulator.BaileysContacts.Contact;
import app.statustracker.simulator.BaileysLinking;
import app.statustracker.simulator.WaSimulator;
import app.statustracker.simulator.relay.ReceiptShape;
import app.statustracker.simulator.relay.RelayedReceipt;
import app.statustracker.testing.BaileysDriver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The status product loop (post, view, revoke) end to end through the deployed WAR's REST API and /ws: a session
 * linked by QR posts a text status (700 characters with emoji, colours, font) and a link status (preview fetched from
 * a page this test serves) to two Baileys contacts linked in the simulator, which decrypt exactly what was sent and
 * mark both read; the API and events show each viewer with times; aggregated (shape B) receipts and duplicates are
 * recorded once; a revoke reaches the contacts and the rows go; bad inputs on a real session answer 4xx and send
 * nothing. The methods run in order on one session.
 */
// reads the PostgreSQL schema directly; the H2 execution has none (and runs only *H2IT unless told otherwise)
@EnabledIfSystemProperty(named = "st.pg.schema", matches = "st_it_\\d+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusFlowIT extends DeployedWar {
    private static final String SESSION = "flow1";
    private static final String POSTER = "15554600001";
    private static final String DAVE = "15554600004";
    private static final String ERIN = "15554600005";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BACKGROUND = "#1E6E4F";
    private static final String TEXT_COLOUR = "#FFFFFF";

    private static WaSimulator sim;
    private static BaileysDriver baileys;
    private static BaileysContacts contacts;
    private static Contact bob;
    private static Contact carol;
    private static ApiClient api;
    private static EventLog events;
    private static int device;
    private static String textId;
    private static String linkId;
    private static String shapeBId;
    private static Instant postedAt;

    @BeforeAll
    static void linkContacts() throws Exception {
        BaileysDriver.assumeAvailable();
        sim = ItSimulator.get();
        baileys = BaileysDriver.start();
        contacts = new BaileysContacts(baileys, sim, new BaileysLinking(baileys, sim));
        bob = contacts.link("Bob", "15554600002");
        carol = contacts.link("Carol", "15554600003");
        sim.createAccount(DAVE); // audience members without a companion: only injected receipts come from them
        sim.createAccount(ERIN);
    }

    @BeforeEach
    void linkSessionOnce() throws Exception {
        if (api != null) {
            return;
        }
        api = newClient();
        events = EventLog.connect(api);
        device = QrLinking.link(api, sim, SESSION, POSTER);
    }

    @AfterAll
    static void stopContacts() {
        try {
            if (sim != null) {
                sim.receiptShape(ReceiptShape.PER_VIEWER); // the simulator is shared with the other ITs
            }
            if (events != null) {
                events.close();
            }
            if (api != null) {
                api.delete("/api/sessions/" + SESSION);
            }
        } finally {
            if (baileys != null) {
                baileys.close();
            }
        }
    }

    /** 700 code points, the most a text status holds, emoji (some with a variation selector) among them. */
    static String sevenHundredCharacters() {
        int[] filler = "the quick brown fox 🦊 jumps over the lazy dog; ".codePoints().toArray();
        StringBuilder text = new StringBuilder("Good morning ☀️ from the harbour 🌊 — ");
        for (int i = 0; text.codePointCount(0, text.length()) < 700; i++) {
            text.appendCodePoint(filler[i % filler.length]);
        }
        return text.toString();
    }

    private static Reply post(JsonObject body) {
        return api.post("/api/sessions/" + SESSION + "/send-status", body.toString());
    }

    private static JsonObject received(Contact viewer, String id) {
        return contacts.awaitOne(viewer, "received", Map.of("key.id", id));
    }

    private static String audience() {
        return bob.phone() + ", " + carol.phone();
    }

    @Test
    @Order(1)
    void aTextAndALinkStatusReachBothContactsExactlyAsSent() throws Exception {
        String text = sevenHundredCharacters();
        assertEquals(700, text.codePointCount(0, text.length()));
        postedAt = Instant.now().minusSeconds(1);
        Reply sent = post(Json.createObjectBuilder().add("type", "text").add("content", text)
                .add("backgroundColor", BACKGROUND).add("textColor", TEXT_COLOUR).add("font", 2)
                .add("targetNumbers", audience()).build());
        assertEquals(200, sent.status(), sent.raw());
        JsonObject data = sent.json().getJsonObject("data");
        textId = data.getString("id");
        assertEquals("sent", data.getString("status"));
        assertTrue(data.getJsonArray("recipients").getValuesAs(jakarta.json.JsonString::getString)
                .containsAll(List.of(bob.phone(), carol.phone())), sent.raw());
        for (Contact viewer : List.of(bob, carol)) {
            JsonObject got = received(viewer, textId);
            assertEquals("status@broadcast", got.getJsonObject("key").getString("remoteJid"));
            JsonObject extended = got.getJsonObject("message").getJsonObject("extendedTextMessage");
            assertEquals(text, extended.getString("text"), viewer.name + " decrypted exactly the text");
            assertEquals(0xFF1E6E4FL, extended.getJsonNumber("backgroundArgb").longValue());
            assertEquals(0xFFFFFFFFL, extended.getJsonNumber("textArgb").longValue());
            assertEquals(2, extended.getInt("font"));
        }

        try (PreviewPage page = new PreviewPage()) {
            String caption = "Tonight 🎆 see you there";
            Reply link = post(Json.createObjectBuilder().add("type", "url").add("content", page.url())
                    .add("caption", caption).add("backgroundColor", "#0B3D91").add("targetNumbers", audience())
                    .build());
            assertEquals(200, link.status(), link.raw());
            linkId = link.json().getJsonObject("data").getString("id");
            assertEquals("url", link.json().getJsonObject("data").getString("type"));
            assertEquals(List.of("/news/harbour", "/images/poster.png"), page.fetchedPaths());
            for (Contact viewer : List.of(bob, carol)) {
                JsonObject extended = received(viewer, linkId).getJsonObject("message")
                        .getJsonObject("extendedTextMessage");
                assertEquals(caption + "\n" + page.url(), extended.getString("text"));
                assertEquals(page.url(), extended.getString("matchedText"));
                assertEquals(PreviewPage.TITLE, extended.getString("title"));
                assertEquals(PreviewPage.DESCRIPTION, extended.getString("description"));
                assertEquals(0xFF0B3D91L, extended.getJsonNumber("backgroundArgb").longValue());
                PreviewPage.assertThumbnailOfTheImage(Base64.getDecoder().decode(extended.getString("jpegThumbnail")));
            }
        }

        for (String[] idType : new String[][] {{textId, "text"}, {linkId, "url"}}) {
            JsonObject event = events.await("status-sent", d -> d.getString("id").equals(idType[0]), WAIT);
            assertEquals(SESSION, event.getString("sessionId"));
            assertEquals(idType[1], event.getString("type"));
            assertEquals("sent", event.getString("status"));
        }
        assertTrue(events.all("statuses-updated").stream().filter(d -> d.getString("sessionId").equals(SESSION))
                .count() >= 2, "one statuses-updated per post");
    }

    @Test
    @Order(2)
    void bothContactsReadBothAndTheApiAndEventsShowEachViewerWithTimes() throws Exception {
        for (Contact viewer : List.of(bob, carol)) {
            contacts.readStatuses(viewer, received(viewer, textId).getJsonObject("key"),
                    received(viewer, linkId).getJsonObject("key"));
        }
        Set<String> phones = Set.of(bob.phone(), carol.phone());
        for (String id : List.of(textId, linkId)) {
            Map<String, JsonObject> viewers = StatusViews.await(api, SESSION, id, v -> v.keySet().equals(phones)
                    && v.values().stream().allMatch(o -> StatusViews.time(o, "viewedAt") != null), WAIT);
            for (Contact contact : List.of(bob, carol)) {
                JsonObject viewer = viewers.get(contact.phone());
                assertEquals(contact.lidUser(), viewer.getString("jid"), "LID-addressed status, LID viewer");
                Instant delivered = StatusViews.time(viewer, "deliveredAt");
                Instant viewed = StatusViews.time(viewer, "viewedAt");
                assertNotNull(delivered);
                assertFalse(delivered.isAfter(viewed), viewer.toString());
                assertTrue(!delivered.isBefore(postedAt.minusSeconds(1)) && !viewed.isAfter(Instant.now().plusSeconds(1)),
                        "times of this run: " + viewer);
                assertNull(StatusViews.time(viewer, "playedAt"));
            }
            JsonObject summary = StatusViews.summary(api, SESSION, id).orElseThrow();
            assertEquals(2, summary.getInt("deliveredCount"), summary.toString());
            assertEquals(2, summary.getInt("viewedCount"), summary.toString());
            assertEquals(0, summary.getInt("playedCount"));
            assertEquals("sent", summary.getString("status"));

            // the event after the last commit lists the same viewers with the same times
            JsonObject update = events.await("status-viewers-update", d -> d.getString("statusId").equals(id)
                    && d.getString("sessionId").equals(SESSION)
                    && StatusViews.byPhone(d.getJsonArray("viewers")).values().stream()
                    .filter(o -> StatusViews.time(o, "viewedAt") != null).count() == 2, WAIT);
            Map<String, JsonObject> shown = StatusViews.byPhone(update.getJsonArray("viewers"));
            assertEquals(phones, shown.keySet());
            for (String phone : phones) {
                assertEquals(StatusViews.time(viewers.get(phone), "viewedAt"), StatusViews.time(shown.get(phone),
                        "viewedAt"));
            }
        }
        List<String> ids = api.get("/api/sessions/" + SESSION + "/sent-statuses").json().getJsonArray("data")
                .stream().map(v -> v.asJsonObject().getString("id")).toList();
        assertEquals(List.of(linkId, textId), ids, "newest first");
    }

    @Test
    @Order(3)
    void aggregatedReceiptsAndDuplicatesAreRecordedOnceWithTheFirstTimes() throws Exception {
        sim.receiptShape(ReceiptShape.AGGREGATED);
        try {
            Reply sent = post(Json.createObjectBuilder().add("type", "text").add("content", "Shape B 🅱️ round")
                    .add("targetNumbers", audience() + "," + DAVE + "," + ERIN).build());
            assertEquals(200, sent.status(), sent.raw());
            String id = sent.json().getJsonObject("data").getString("id");
            shapeBId = id;
            for (Contact viewer : List.of(bob, carol)) {
                received(viewer, id);
            }
            // the contacts confirm delivery themselves (Baileys: type inactive), now in shape B
            Set<String> contactLids = Set.of(bob.lidUser(), carol.lidUser());
            assertEquals(contactLids, sim.awaitReceipts(id, r -> !r.injected(), 2, WAIT).stream()
                    .map(RelayedReceipt::viewerJid).collect(Collectors.toSet()));
            long t0 = Instant.now().getEpochSecond() - 300; // not the server's clock: the receipt's t must be kept
            List<RelayedReceipt> injected = List.of(
                    sim.injectReceipt(id, DAVE, "read", t0),
                    sim.injectReceipt(id, DAVE, "read", t0), // a redelivery
                    sim.injectReceipt(id, DAVE, "read", t0 + 100), // a second view: the first time stays
                    sim.injectReceipt(id, DAVE, null, t0 + 50), // a late delivery receipt: the read implied it
                    sim.injectReceipt(id, ERIN, null, t0 + 7),
                    sim.injectReceipt(id, ERIN, "inactive", t0 + 9),
                    sim.injectReceipt(id, ERIN, null, t0 + 7));
            assertTrue(injected.stream().allMatch(r -> r.shape() == ReceiptShape.AGGREGATED));
            awaitAllReceiptsAcked(id);

            Map<String, JsonObject> viewers = StatusViews.viewers(api, SESSION, id);
            JsonObject dave = viewers.get(DAVE);
            assertNotNull(dave, viewers.toString());
            assertEquals(sim.account(DAVE).lidJid(0), dave.getString("jid"));
            assertEquals(Instant.ofEpochSecond(t0), StatusViews.time(dave, "viewedAt"));
            assertEquals(Instant.ofEpochSecond(t0), StatusViews.time(dave, "deliveredAt"));
            JsonObject erin = viewers.get(ERIN);
            assertEquals(Instant.ofEpochSecond(t0 + 7), StatusViews.time(erin, "deliveredAt"));
            assertNull(StatusViews.time(erin, "viewedAt"));
            for (Contact contact : List.of(bob, carol)) {
                JsonObject viewer = viewers.get(contact.phone());
                assertNotNull(StatusViews.time(viewer, "deliveredAt"), viewers.toString());
                assertNull(StatusViews.time(viewer, "viewedAt"));
            }
            assertEquals(4, viewers.size(), viewers.toString());

            // counts = distinct viewers among what the simulator routed (the contacts' own receipts included)
            List<RelayedReceipt> routed = sim.receipts(id).stream().filter(r -> !"retry".equals(r.type())).toList();
            Set<String> any = routed.stream().map(RelayedReceipt::viewerJid).collect(Collectors.toSet());
            Set<String> views = routed.stream().filter(r -> "read".equals(r.type()) || "played".equals(r.type()))
                    .map(RelayedReceipt::viewerJid).collect(Collectors.toSet());
            assertEquals(any.size(), viewers.size(), "one row per viewer: " + viewers);
            JsonObject summary = StatusViews.summary(api, SESSION, id).orElseThrow();
            assertEquals(any.size(), summary.getInt("deliveredCount"), summary.toString());
            assertEquals(views.size(), summary.getInt("viewedCount"), summary.toString());
            assertEquals(1, summary.getInt("viewedCount"), "only Dave viewed it, three receipts notwithstanding");
        } finally {
            sim.receiptShape(ReceiptShape.PER_VIEWER);
        }
    }

    @Test
    @Order(4)
    void aRevokeDeletesTheStatusOnTheContactsPhonesAndItsRows() throws Exception {
        for (String id : List.of(textId, linkId)) {
            long pk = statusPk(id);
            Reply deleted = api.delete("/api/sessions/" + SESSION + "/delete-status/" + id + "?revoke=true");
            assertEquals(200, deleted.status(), deleted.raw());
            JsonObject data = deleted.json().getJsonObject("data");
            assertTrue(data.getBoolean("deleted") && data.getBoolean("revoked"), deleted.raw());
            for (Contact viewer : List.of(bob, carol)) {
                JsonObject update = contacts.awaitOne(viewer, "updates", Map.of("key.id", id));
                assertEquals(1, update.getJsonObject("update").getInt("messageStubType"), "REVOKE: " + update);
            }
            JsonObject event = events.await("status-deleted", d -> d.getString("statusId").equals(id), WAIT);
            assertEquals(SESSION, event.getString("sessionId"));
            assertTrue(event.getBoolean("revoked"));
            try (Connection c = PostgresSchema.connect()) {
                SeededRows rows = new SeededRows(c);
                for (String table : new String[] {"statuses WHERE id", "status_viewers WHERE status_pk",
                        "status_recipients WHERE status_pk"}) {
                    assertEquals(0, rows.count("SELECT COUNT(*) FROM " + table + " = ?", pk), table);
                }
            }
            assertEquals(404, api.get("/api/sessions/" + SESSION + "/status-viewers/" + id).status());
        }

        // without ?revoke only the local rows go: nothing is sent
        int before = sentByPoster();
        Reply local = api.delete("/api/sessions/" + SESSION + "/delete-status/" + shapeBId);
        assertEquals(200, local.status(), local.raw());
        assertFalse(local.json().getJsonObject("data").getBoolean("revoked"));
        assertEquals(before, sentByPoster());
        assertEquals(0, api.get("/api/sessions/" + SESSION + "/sent-statuses").json().getJsonArray("data").size());
    }

    @Test
    @Order(5)
    void badInputsOnALinkedSessionAnswer4xxAndSendNothing() throws Exception {
        int before = sentByPoster();
        String send = "/api/sessions/" + SESSION + "/send-status";
        String[][] bad = {
                {"{\"type\":\"text\",\"content\":\"\",\"targetNumbers\":\"" + bob.phone() + "\"}", "content"},
                {Json.createObjectBuilder().add("type", "text").add("content", "😀".repeat(701))
                        .add("targetNumbers", bob.phone()).build().toString(), "at most 700"},
                {"{\"type\":\"text\",\"content\":\"hi\",\"targetNumbers\":\"12ab\"}", "12ab"},
                {"{\"type\":\"text\",\"content\":\"hi\",\"targetNumbers\":\"" + bob.phone() + ",123\"}", "'123'"},
        };
        for (String[] b : bad) {
            Reply r = api.post(send, b[0]);
            assertEquals(400, r.status(), r.raw());
            assertTrue(r.error().contains(b[1]), r.raw());
        }
        assertEquals(404, api.post("/api/sessions/no_such/send-status", "{\"type\":\"text\",\"content\":\"hi\"}")
                .status());
        assertEquals(404, api.get("/api/sessions/" + SESSION + "/status-viewers/3EB0NOSUCH").status());
        Reply unknown = api.delete("/api/sessions/" + SESSION + "/delete-status/3EB0NOSUCH?revoke=true");
        assertEquals(404, unknown.status(), unknown.raw());
        assertEquals(before, sentByPoster(), "refused requests sent nothing");

        // another login takes the device: the session is disconnected, a post is refused and not sent later
        sim.kickDuplicate(POSTER, device).orElseThrow();
        SessionStatus.await(api, SESSION, s -> !s.getBoolean("connected"), WAIT);
        Reply refused = post(Json.createObjectBuilder().add("type", "text").add("content", "while away")
                .add("targetNumbers", bob.phone()).build());
        assertEquals(409, refused.status(), refused.raw());
        assertTrue(refused.error().contains("not connected"), refused.raw());
        assertEquals(200, api.post("/api/sessions/" + SESSION + "/restart", "").status());
        SessionStatus.await(api, SESSION, s -> s.getBoolean("connected")
                && sim.onlineConnection(POSTER, device).isPresent(), WAIT);
        Thread.sleep(1_500); // a queued post would go out now
        assertEquals(before, sentByPoster(), "the refused post never went out");
        assertEquals(0, api.get("/api/sessions/" + SESSION + "/sent-statuses").json().getJsonArray("data").size());
    }

    private static int sentByPoster() {
        return (int) sim.relayedMessages().stream().filter(m -> m.sender().phoneNumber().equals(POSTER)).count();
    }

    private static long statusPk(String messageId) throws Exception {
        try (Connection c = PostgresSchema.connect();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM statuses WHERE message_id = ?")) {
            ps.setString(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no row for " + messageId);
                return rs.getLong(1);
            }
        }
    }

    /** Every receipt routed for the status has been acked by the server, i.e. committed. */
    private static void awaitAllReceiptsAcked(String statusId) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (OwedReceipts.of(sim, POSTER, device, statusId).isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("receipts for " + statusId + " still unacked: " + sim.pendingStanzas(POSTER, device));
    }
}
