package app.statustracker.service.preview;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GETs one link for a preview within a deadline and a byte cap. Redirects are followed here, not by the
 * HttpClient, so that every hop is checked by the {@link AddressGuard}: a public page must not bounce the fetch
 * to a private address.
 */
final class PageFetcher {
    static final int MAX_REDIRECTS = 5;
    static final String USER_AGENT = "Mozilla/5.0 (compatible; StatusTracker-LinkPreview/1.0)";

    private final HttpClient client;
    private final AddressGuard guard;

    /** @param client must not follow redirects itself */
    PageFetcher(HttpClient client, AddressGuard guard) {
        this.client = client;
        this.guard = guard;
    }

    FetchedResource fetch(URI uri, int maxBytes, Instant deadline, String accept) throws PreviewFetchException {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            checkScheme(current);
            guard.check(current.getHost());
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new PreviewFetchException("timed out fetching " + uri);
            }
            HttpRequest request = HttpRequest.newBuilder(current).timeout(left).GET()
                    .header("User-Agent", USER_AGENT).header("Accept", accept)
                    .header("Accept-Language", "en;q=0.9, *;q=0.5").build();
            HttpResponse<CappedBodySubscriber.Body> response = send(request, maxBytes, left);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                String location = response.headers().firstValue("Location")
                        .orElseThrow(() -> new PreviewFetchException("redirect without a Location from " + uri));
                try {
                    current = current.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    throw new PreviewFetchException("bad redirect from " + uri);
                }
                continue;
            }
            if (status != 200) {
                throw new PreviewFetchException("HTTP " + status + " from " + current);
            }
            CappedBodySubscriber.Body body = response.body();
            return new FetchedResource(current, response.headers().firstValue("Content-Type").orElse(null),
                    body.bytes(), body.truncated());
        }
        throw new PreviewFetchException("more than " + MAX_REDIRECTS + " redirects from " + uri);
    }

    private HttpResponse<CappedBodySubscriber.Body> send(HttpRequest request, int maxBytes, Duration left)
            throws PreviewFetchException {
        CompletableFuture<HttpResponse<CappedBodySubscriber.Body>> future =
                client.sendAsync(request, info -> new CappedBodySubscriber(maxBytes));
        try {
            // the request timeout covers the headers only; this covers a body that trickles in forever
            return future.get(left.toMillis() + 1, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new PreviewFetchException("timed out fetching " + request.uri());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PreviewFetchException("interrupted fetching " + request.uri());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof IOException || cause instanceof java.net.http.HttpTimeoutException
                    ? cause.getClass().getSimpleName() : String.valueOf(cause);
            throw new PreviewFetchException("fetching " + request.uri() + " failed: " + why, cause);
        }
    }

    private static void checkScheme(URI uri) throws PreviewFetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new PreviewFetchException("only http and https links are fetched, not " + uri.getScheme());
        }
    }
}
