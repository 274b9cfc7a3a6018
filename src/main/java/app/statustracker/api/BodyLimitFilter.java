package app.statustracker.api;

import app.statustracker.config.Settings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Caps request bodies: 1 MiB for JSON, MAX_UPLOAD_MB for media uploads. A declared length over the cap is
 * refused at once; a chunked body is cut off when it crosses the cap, before it is buffered anywhere.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION + 10)
public class BodyLimitFilter implements ContainerRequestFilter {
    public static final long MAX_JSON_BYTES = 1024 * 1024;

    @Inject
    Settings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        long limit = path.startsWith("upload-") || path.startsWith("/upload-")
                ? settings.maxUploadMb() * 1024L * 1024L + 64 * 1024 // multipart framing on top of the file
                : MAX_JSON_BYTES;
        if (request.getLength() > limit) {
            request.abortWith(ApiResponse.failure(413, "Request body too large (limit " + limit + " bytes)"));
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Capped(request.getEntityStream(), limit));
        }
    }

    private static final class Capped extends FilterInputStream {
        private final long limit;
        private long read;

        Capped(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
