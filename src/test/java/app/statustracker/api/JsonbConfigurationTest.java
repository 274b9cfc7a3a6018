package app.statustracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.api.sessions.CreateSessionRequest;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

class JsonbConfigurationTest {
    private final Jsonb jsonb = new JsonbConfiguration().getContext(CreateSessionRequest.class);

    @Test
    void readsAWellFormedBody() {
        CreateSessionRequest r = jsonb.fromJson(
                "{\"sessionId\":\"a\",\"sessionName\":\"A\",\"authMethod\":\"qrcode\",\"phoneNumber\":null}",
                CreateSessionRequest.class);
        assertEquals("a", r.sessionId);
        assertEquals("qrcode", r.authMethod);
        assertNull(r.phoneNumber);
    }

    @Test
    void refusesUnknownFields() {
        JsonbException e = assertThrows(JsonbException.class, () -> jsonb.fromJson(
                "{\"sessionId\":\"a\",\"sessionName\":\"A\",\"sesionName\":\"typo\"}", CreateSessionRequest.class));
        assertTrue(e.getMessage().contains("sesionName"), e.getMessage());
    }

    @Test
    void refusesNonStringsForTextFields() {
        for (String value : new String[] {"[1,2]", "12", "true", "{\"a\":1}"}) {
            assertThrows(JsonbException.class, () -> jsonb.fromJson(
                    "{\"sessionId\":" + value + ",\"sessionName\":\"A\"}", CreateSessionRequest.class), value);
        }
    }
}
