package app.statustracker.events.socketio;

import app.statustracker.api.ApiKeys;
import app.statustracker.config.Settings;
import app.statustracker.events.RequestKeys;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Checks a key that came with the HTTP request of either Engine.IO transport (polling requests and the WebSocket
 * upgrade): {@code x-api-key}, {@code Authorization: Bearer} or the {@code apiKey} query parameter. A wrong one is
 * refused here with a 401, before any socket exists. A request with no key passes: Socket.IO clients may send the
 * key in the handshake's {@code auth} instead, which {@link SocketIoEvents} checks at connect. A request whose key
 * was right is marked ({@link VerifiedRequest}) so that connect knows it without seeing the headers again.
 */
@WebFilter(urlPatterns = "/socket.io/*", asyncSupported = true)
public class SocketIoAuthFilter extends HttpFilter {
    @Inject
    Settings settings;
    @Inject
    SocketIoEvents events;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String presented = RequestKeys.presented(request);
        if (presented == null) {
            chain.doFilter(new VerifiedRequest(request, null), response);
            return;
        }
        if (!ApiKeys.matches(settings.apiKey(), presented)) {
            RequestKeys.refuse(response);
            return;
        }
        chain.doFilter(new VerifiedRequest(request, events.verifiedMarker()), response);
    }
}
