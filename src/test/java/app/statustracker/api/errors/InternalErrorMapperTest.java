package app.statustracker.api.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.api.ApiResponse;
import app.statustracker.api.BodyTooLargeException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** The last-resort mapper: 500 in the envelope with a reference, never the exception's text. */
class InternalErrorMapperTest {
    private final InternalErrorMapper mapper = new InternalErrorMapper();

    @Test
    void unexpectedFailuresAre500WithoutDetails() {
        Response r = mapper.toResponse(new IllegalStateException("password=hunter2 at db.internal:5432"));
        assertEquals(500, r.getStatus());
        ApiResponse<?> body = (ApiResponse<?>) r.getEntity();
        assertFalse(body.success());
        assertTrue(body.error().matches("Internal server error \\(ref [0-9a-f]{8}\\)"), body.error());
        assertFalse(body.error().contains("hunter2"));
    }

    @Test
    void wrappedBodyProblemsStayClientErrors() {
        assertEquals(413, mapper.toResponse(new RuntimeException(new BodyTooLargeException(10))).getStatus());
        assertEquals(400, mapper.toResponse(new RuntimeException(new JsonbException("Unexpected char"))).getStatus());
    }
}
