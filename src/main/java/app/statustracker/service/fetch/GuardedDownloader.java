package app.statustracker.service.fetch;

import app.statustracker.service.preview.AddressGuard;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Downloads a link a user gave (a media file to post), the way a server that must not be turned against its own
 * network has to: https only, every hop's addresses checked by {@link PinnedResolver} and those very addresses
 * connected to, redirects followed here (at most {@value #MAX_REDIRECTS}, each one checked again), no cookies, no
 * retries, and one deadline for the whole download that a server dripping bytes cannot stretch.
 */
public final class GuardedDownloader implements AutoCloseable {
    public static final int MAX_REDIRECTS = 5;
    /** The longest a single read may block; the deadline is checked between reads. */
    private static final Duration MAX_READ_WAIT = Duration.ofSeconds(10);

    /** Reads the body of the final answer. */
    public interface BodyReader<T> {
        /** @param declaredLength the Content-Length, or -1 when the host did not say */
        T read(InputStream body, long declaredLength) throws IOException;
    }

    private final CloseableHttpClient client;
    private final Clock clock;
    private final String userAgent;

    /**
     * @param allowPrivate true lifts the public-address rule (FETCH_ALLOW_PRIVATE_ADDRESSES, for tests)
     * @param ssl          the certificates trusted: the JDK's store plus WA_EXTRA_CA_FILE when set
     */
    public GuardedDownloader(boolean allowPrivate, AddressGuard.Resolver lookup, SSLContext ssl, Clock clock,
                             String userAgent) {
        this.clock = clock;
        this.userAgent = userAgent;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new PinnedResolver(allowPrivate, lookup))
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(ssl))
                        .setMaxConnTotal(32)
                        .setMaxConnPerRoute(4)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression() // the byte cap counts what arrives, not what it inflates to
                .build();
    }

    /**
     * GETs the link and hands the final 200's body to {@code reader}.
     *
     * @throws LinkFetchException for a refused address or scheme, an HTTP error, too many redirects, the deadline
     */
    public <T> T get(URI link, Duration timeout, BodyReader<T> reader) {
        Instant deadline = clock.instant().plus(timeout);
        URI current = link;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            requireHttps(current, link);
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new LinkFetchException("timed out fetching " + describe(link), false);
            }
            Hop<T> answer = fetchOnce(current, deadline, left, reader);
            if (answer.body != null || answer.location == null) {
                return answer.body;
            }
            try {
                current = current.resolve(answer.location.strip());
            } catch (IllegalArgumentException e) {
                throw new LinkFetchException("bad redirect from " + describe(current), false);
            }
        }
        throw new LinkFetchException("more than " + MAX_REDIRECTS + " redirects from " + describe(link), false);
    }

    private record Hop<T>(T body, String location) {
    }

    private <T> Hop<T> fetchOnce(URI uri, Instant deadline, Duration left, BodyReader<T> reader) {
        Timeout wait = Timeout.of(left.compareTo(MAX_READ_WAIT) < 0 ? left : MAX_READ_WAIT);
        HttpGet get = new HttpGet(uri);
        get.setConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(wait)
                .setResponseTimeout(wait)
                .build());
        get.setHeader("User-Agent", userAgent);
        get.setHeader("Accept", "*/*");
        try {
            return client.execute(get, response -> {
                int status = response.getCode();
                if (status >= 300 && status < 400 && status != 304) {
                    Header location = response.getFirstHeader("Location");
                    if (location == null) {
                        throw new LinkFetchException("redirect without a Location from " + describe(uri), false);
                    }
                    return new Hop<>(null, location.getValue());
                }
                if (status != 200) {
                    throw new LinkFetchException("HTTP " + status + " from " + describe(uri), false);
                }
                HttpEntity entity = response.getEntity();
                if (entity == null) {
                    throw new LinkFetchException("no body from " + describe(uri), false);
                }
                try (InputStream body = new Deadlined(entity.getContent(), deadline, get)) {
                    return new Hop<>(reader.read(body, entity.getContentLength()), null);
                } catch (IOException | RuntimeException e) {
                    // drop the connection: closing the body normally would read the rest of it first, however
                    // large or slow, to reuse the connection
                    get.cancel();
                    throw e;
                }
            });
        } catch (PinnedResolver.PrivateAddressException e) {
            throw new LinkFetchException(e.getMessage() + "; only public addresses are fetched", true);
        } catch (java.net.UnknownHostException e) {
            throw new LinkFetchException("host " + uri.getHost() + " does not resolve", true);
        } catch (DeadlinePassed | InterruptedIOException e) {
            throw new LinkFetchException("timed out fetching " + describe(uri), false);
        } catch (IOException e) {
            throw new LinkFetchException("fetching " + describe(uri) + " failed: " + e.getClass().getSimpleName(),
                    false);
        }
    }

    private static void requireHttps(URI uri, URI original) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") || uri.getHost() == null) {
            throw new LinkFetchException("only https links are fetched; " + describe(original)
                    + (uri.equals(original) ? "" : " redirected to " + describe(uri)), true);
        }
    }

    /** Scheme, host, port and path: never the query or fragment, which may carry someone's token. */
    public static String describe(URI uri) {
        StringBuilder out = new StringBuilder();
        out.append(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            out.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : path);
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /** Stops a body that keeps coming once the whole download's time is up. */
    private final class Deadlined extends FilterInputStream {
        private final Instant deadline;
        private final HttpGet request;

        Deadlined(InputStream in, Instant deadline, HttpGet request) {
            super(in);
            this.deadline = deadline;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            check();
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check();
            return super.read(buffer, offset, length);
        }

        private void check() throws DeadlinePassed {
            if (!clock.instant().isBefore(deadline)) {
                request.cancel();
                throw new DeadlinePassed();
            }
        }
    }

    private static final class DeadlinePassed extends IOException {
        DeadlinePassed() {
            super("deadline passed");
        }
    }
}
