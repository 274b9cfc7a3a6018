package app.statustracker.events;

import app.statustracker.api.ApiKeys;
import app.statustracker.config.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Guards the events WebSocket before the upgrade: the API key in {@code x-api-key}, {@code Authorization:
 * Bearer}, or (browsers cannot set headers on a WebSocket) the {@code apiKey} query parameter. A refusal is an
 * ordinary HTTP 401 in the API's envelope, so no socket is ever opened for it.
 */
@WebFilter(urlPatterns = "/ws", asyncSupported = true)
public class EventsAuthFilter extends HttpFilter {
    @Inject
    Settings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!ApiKeys.matches(settings.apiKey(), RequestKeys.presented(request))) {
            RequestKeys.refuse(response);
            return;
        }
        chain.doFilter(request, response);
    }
}
