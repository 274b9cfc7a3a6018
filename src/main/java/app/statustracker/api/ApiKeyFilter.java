package app.statustracker.api;

import app.statustracker.config.Settings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Every {@code /api} request carries the API key in {@code x-api-key} or {@code Authorization: Bearer}.
 * Pre-matching, so an unknown route without a key is a 401 too and reveals nothing.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {
    @Inject
    Settings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        // a CORS preflight from an allowed origin, which carries no credentials by design, was answered by CorsFilter
        // already; any other OPTIONS needs the key like every other request
        String presented = ApiKeys.fromHeaders(request.getHeaderString("x-api-key"),
                request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (presented == null || presented.isEmpty()) {
            request.abortWith(ApiResponse.failure(401, "Missing API key: send x-api-key or Authorization: Bearer"));
        } else if (!ApiKeys.matches(settings.apiKey(), presented)) {
            request.abortWith(ApiResponse.failure(401, "Invalid API key"));
        }
    }
}
