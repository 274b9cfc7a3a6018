package app.statustracker.events;

import app.statustracker.api.ApiKeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The API key as the event transports' HTTP requests carry it (a header, or the {@code apiKey} query parameter for
 * browsers, which cannot set headers on a WebSocket), and the one refusal they answer a wrong key with.
 */
public final class RequestKeys {
    private RequestKeys() {
    }

    /** The key presented by the request, or null when it carries none. */
    public static String presented(HttpServletRequest request) {
        String presented = ApiKeys.fromHeaders(request.getHeader("x-api-key"), request.getHeader("Authorization"));
        return presented != null ? presented : request.getParameter("apiKey");
    }

    /** A 401 in the API's envelope, before any socket exists. */
    public static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(401);
        response.setContentType("application/json");
        response.getWriter().write("{\"success\":false,\"error\":\"Invalid or missing API key\"}");
    }
}
