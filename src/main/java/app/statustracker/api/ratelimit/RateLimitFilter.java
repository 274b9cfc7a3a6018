package app.statustracker.api.ratelimit;

import app.statustracker.api.ApiResponse;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.TimeUnit;

/**
 * Per-address rate limit on every {@code /api} request, before authentication so that guessing keys costs
 * requests too. Answers carry the IETF {@code RateLimit-*} headers (as the seed's express-rate-limit did);
 * a refusal is 429 with {@code Retry-After}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String PROBE = RateLimitFilter.class.getName() + ".probe";

    @Inject
    RateLimitBuckets buckets;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        ConsumptionProbe probe = buckets.tryConsume(servletRequest.getRemoteAddr());
        request.setProperty(PROBE, probe);
        if (!probe.isConsumed()) {
            long retryAfter = seconds(probe.getNanosToWaitForRefill());
            Response refusal = Response.fromResponse(
                            ApiResponse.failure(429, "Too many requests; retry in " + retryAfter + " s"))
                    .header("Retry-After", retryAfter)
                    .build();
            request.abortWith(refusal);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(PROBE) instanceof ConsumptionProbe probe)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("RateLimit-Policy", buckets.capacity() + ";w=" + buckets.windowSeconds());
        headers.putSingle("RateLimit-Limit", buckets.capacity());
        headers.putSingle("RateLimit-Remaining", probe.getRemainingTokens());
        headers.putSingle("RateLimit-Reset", seconds(probe.isConsumed()
                ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill()));
    }

    private static long seconds(long nanos) {
        return Math.max(1, (TimeUnit.NANOSECONDS.toMillis(nanos) + 999) / 1000);
    }
}
