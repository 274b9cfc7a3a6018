package app.statustracker.it;

import static app.statustracker.it.SocketIoClients.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.it.ApiClient.Reply;
import app.statustracker.simulator.WaSimulator;
import app.statustracker.testing.BaileysDriver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A /ws client that stops reading, on a real TCP connection (a 2 KB receive buffer, never read after the upgrade),
 * while the server sends events. First a status's viewer list grows to 1,000 viewers, list after list, reads and
 * then plays, until the socket buffers between the server and the stalled client are full (a loopback send buffer
 * grows to 4 MB); the stalled client's queue then keeps only the newest list. Then sessions come and go: their
 * events fill its queue (EVENT_QUEUE_MAX of the integration tests) and it is dropped, while a Socket.IO client and a
 * /ws client that read normally get every event.
 */
class StalledListenerIT extends DeployedWar {
    private static final String KEY = ApiClient.TEST_API_KEY;
    private static final String SESSION = "stall";
    private static final String POSTER = "15554900001";
    private static final int VIEWERS = 1000;
    private static final int SESSIONS = 40;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aClientThatStopsReadingIsDroppedWithoutHarmToTheOthers() throws Exception {
        BaileysDriver.assumeAvailable();
        ApiClient api = newClient();
        String wsUrl = api.base().replace("http://", "ws://") + "/ws";
        try (BaileysDriver node = BaileysDriver.start();
             EventsClient healthy = EventsClient.connect(wsUrl, "x-api-key", KEY).get(10, TimeUnit.SECONDS);
             Socket stalled = stalledClient(deployed.getPort())) {
            SocketIoClients sio = new SocketIoClients(node, api.base(), WAIT);
            // the first Socket.IO request of a fresh server loads the servlet and the engine: a longer connect timeout
            JsonObject readerOptions = Json.createObjectBuilder(options(null, "auth", KEY)).add("timeout", 30_000).build();
            JsonObject reader = sio.connect("reader", readerOptions);
            assertTrue(reader.getBoolean("connected"), "the Socket.IO reader connected: " + reader);

            // a status to 1,000 viewers, and their reads in 40 steps, each a longer list: megabytes in all
            WaSimulator sim = ItSimulator.get();
            QrLinking.link(api, sim, SESSION, POSTER);
            List<String> viewers = new ArrayList<>();
            for (int i = 0; i < VIEWERS; i++) {
                viewers.add("1555491" + String.format("%04d", i));
                sim.createAccount(viewers.get(i));
            }
            Reply posted = api.post("/api/sessions/" + SESSION + "/send-status", "{\"type\":\"text\",\"content\":"
                    + "\"for a thousand viewers\",\"targetNumbers\":\"" + String.join(",", viewers) + "\"}");
            assertEquals(200, posted.status(), posted.raw());
            String statusId = posted.json().getJsonObject("data").getString("id");
            long t = System.currentTimeMillis() / 1000;
            for (String type : List.of("read", "played")) { // over 4 MB of lists, more than a loopback socket holds
                for (int from = 0; from < VIEWERS; from += VIEWERS / 40) {
                    for (String viewer : viewers.subList(from, from + VIEWERS / 40)) {
                        sim.injectReceipt(statusId, viewer, type, t);
                    }
                    Thread.sleep(300); // longer than the coalescing interval: each step is a list of its own
                }
            }
            healthy.await("status-viewers-update", d -> d.getString("statusId").equals(statusId)
                    && d.getJsonArray("viewers").stream().filter(v -> !v.asJsonObject().isNull("playedAt")).count()
                    == VIEWERS, WAIT.toMillis());

            // then small events: sessions with a 200-character name come and go
            String name = "x".repeat(200);
            for (int i = 0; i < SESSIONS; i++) {
                send(api, "POST", "/api/sessions", "{\"sessionId\":\"stall-" + i + "\",\"sessionName\":\"" + name
                        + "\",\"authMethod\":\"qrcode\"}", 201);
                send(api, "DELETE", "/api/sessions/stall-" + i, null, 200);
            }

            // the readers got everything, in order: the last deletion last
            sio.awaitEvent("reader", "session-deleted", Map.of("sessionId", "stall-" + (SESSIONS - 1)));
            healthy.await("session-deleted", d -> d.getString("sessionId").equals("stall-" + (SESSIONS - 1)),
                    WAIT.toMillis());
            List<JsonObject> got = sio.events("reader");
            for (String event : List.of("session-created", "session-deleted")) {
                assertEquals(SESSIONS, got.stream().filter(e -> e.getString("event").equals(event)
                        && e.getJsonObject("data").getString("sessionId").startsWith("stall-")).count(), event);
            }
            assertTrue(got.stream().anyMatch(e -> e.getString("event").equals("status-viewers-update")
                    && e.getJsonObject("data").getJsonArray("viewers").size() == VIEWERS), "the long lists came");

            // the stalled client, read only now: some events, then the server's goodbye before the end
            StalledRead read = readAll(stalled);
            assertTrue(read.closed(), "the server ended the stalled connection: " + read + ", the reader got " + got.size());
            assertTrue(read.textFrames() < got.size(), "it got fewer events than the reader: " + read);
            sio.close(List.of("reader"));
            send(api, "DELETE", "/api/sessions/" + SESSION, null, 200);
        }
        assertEquals(200, newClient().get("/api/health").status());
    }

    private static void send(ApiClient api, String method, String path, String body, int expected)
            throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            Reply r = api.send(method, path, body, "x-api-key", KEY, "Content-Type", "application/json");
            if (r.status() == 429) { // the integration tests' rate limit: wait as told
                Thread.sleep(1000L * Long.parseLong(r.header("Retry-After") == null ? "1" : r.header("Retry-After")));
                continue;
            }
            assertEquals(expected, r.status(), method + " " + path + ": " + r.raw());
            return;
        }
        throw new AssertionError(method + " " + path + " kept answering 429");
    }

    /** Upgrades to /ws with the key and reads the 101 answer, then never reads again (until readAll). */
    private static Socket stalledClient(int port) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(2048);
        s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        OutputStream out = s.getOutputStream();
        out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: c3RhbGxlZC1saXN0ZW5lcg==\r\nSec-WebSocket-Version: 13\r\nx-api-key: " + KEY
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("no upgrade answer: " + head);
            }
            head.write(b);
        }
        assertTrue(head.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101"), head.toString());
        return s;
    }

    /** How many text frames came, and whether a close frame or the end of the stream followed. */
    record StalledRead(int textFrames, boolean closed, int closeCode) {
    }

    private static StalledRead readAll(Socket s) throws IOException {
        s.setSoTimeout(30_000);
        DataInputStream in = new DataInputStream(s.getInputStream());
        int texts = 0;
        try {
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long length = b1 & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                int opcode = b0 & 0x0F;
                if (opcode == 1) {
                    texts++;
                } else if (opcode == 8) {
                    int code = payload.length >= 2 ? (payload[0] & 0xFF) << 8 | payload[1] & 0xFF : -1;
                    return new StalledRead(texts, true, code);
                }
            }
        } catch (EOFException end) {
            return new StalledRead(texts, true, -1);
        } catch (SocketTimeoutException stillOpen) {
            return new StalledRead(texts, false, -1);
        }
    }
}
