package app.statustracker.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.socket.socketio.server.parser.IOParser;
import io.socket.socketio.server.parser.Packet;
import io.socket.socketio.server.parser.Parser;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** The packets encoded once for every client say what the transports' own encoders would say. */
class PublishedEventTest {
    private static final String DATA = "{\"sessionId\":\"s1\",\"statusId\":\"3EB0\",\"viewers\":[{\"phoneNumber\":"
            + "\"15550001\",\"viewedAt\":\"2026-12-04T01:02:03Z\",\"playedAt\":null}],\"note\":\"\\u001e \\\" é\"}";

    @Test
    void theSocketIoPacketIsTheLibrarysEventPacketOfTheRootNamespace() {
        PublishedEvent event = new PublishedEvent("status-viewers-update", "s1", DATA);
        Packet<JSONArray> packet = new Packet<>(Parser.EVENT,
                new JSONArray().put("status-viewers-update").put(new JSONObject(DATA)));
        packet.nsp = "/";
        List<Object> encoded = new ArrayList<>();
        new IOParser.Encoder().encode(packet, parts -> encoded.addAll(List.of(parts)));
        String library = (String) encoded.get(0);
        assertEquals(library.charAt(0), event.socketIoPacket().charAt(0), "packet type EVENT, no namespace, no ack");
        assertEquals(json(library.substring(1)), json(event.socketIoPacket().substring(1)));
    }

    @Test
    void theWsEnvelopeNamesTheEventAndCarriesTheData() {
        PublishedEvent event = new PublishedEvent("session-deleted", "s1", "{\"sessionId\":\"s1\"}");
        assertEquals(json("{\"event\":\"session-deleted\",\"data\":{\"sessionId\":\"s1\"}}"), json(event.envelopeJson()));
    }

    @Test
    void aNameThatWouldNeedEscapingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PublishedEvent("bad\"name", null, "{}"));
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }
}
