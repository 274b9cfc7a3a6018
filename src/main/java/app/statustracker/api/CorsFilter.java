package app.statustracker.api;

import app.statustracker.config.Settings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** Cross-origin access only for the origins listed in CORS_ORIGINS (none by default). */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    @Inject
    Settings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        // only a preflight from an allowed origin is answered without the key; any other OPTIONS goes on to the
        // key check (the platform's automatic OPTIONS answer lists the routes)
        if ("OPTIONS".equals(request.getMethod()) && request.getHeaderString("Access-Control-Request-Method") != null
                && allowed(origin)) {
            request.abortWith(Response.noContent()
                    .header("Access-Control-Allow-Origin", origin)
                    .header("Vary", "Origin")
                    .header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS")
                    .header("Access-Control-Allow-Headers", "x-api-key, authorization, content-type")
                    .header("Access-Control-Max-Age", "600")
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (allowed(origin)) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            response.getHeaders().putSingle("Vary", "Origin");
            response.getHeaders().putSingle("Access-Control-Expose-Headers",
                    "RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, RateLimit-Policy, Retry-After");
        }
    }

    private boolean allowed(String origin) {
        return origin != null && (settings.corsOrigins().contains(origin) || settings.corsOrigins().contains("*"));
    }
}
