package app.statustracker.service.preview;

import app.statustracker.wa.status.LinkPreview;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds the preview of a link status: the page's title and description and a small JPEG of its image, all within
 * one time cap and byte caps, from public addresses only. When nothing can be learned (the fetch failed, timed out,
 * was refused or found no preview) the answer is null and the link is posted as plain text, as Baileys does
 * without a preview library.
 */
public final class LinkPreviewFetcher {
    private static final Logger LOG = Logger.getLogger(LinkPreviewFetcher.class.getName());
    private static final String ACCEPT_PAGE = "text/html,application/xhtml+xml;q=0.9,image/*;q=0.8,*/*;q=0.1";
    private static final String ACCEPT_IMAGE = "image/jpeg,image/png,image/gif,image/bmp;q=0.9,image/*;q=0.5";

    private final PageFetcher fetcher;
    private final Duration timeCap;
    private final int maxPageBytes;
    private final int maxImageBytes;

    /**
     * @param client        an HttpClient that does not follow redirects (each hop is checked here)
     * @param timeCap       for the whole preview: page and image together
     * @param maxPageBytes  how much of a page is read (the head holds the tags)
     * @param maxImageBytes images larger than this get no thumbnail
     */
    public LinkPreviewFetcher(HttpClient client, AddressGuard guard, Duration timeCap, int maxPageBytes,
                              int maxImageBytes) {
        if (client.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("the client must leave redirects to the fetcher");
        }
        this.fetcher = new PageFetcher(client, guard);
        this.timeCap = timeCap;
        this.maxPageBytes = maxPageBytes;
        this.maxImageBytes = maxImageBytes;
    }

    /** @return the preview, or null when the link is to be posted without one */
    public LinkPreview preview(URI link) {
        Instant deadline = Instant.now().plus(timeCap);
        try {
            FetchedResource page = fetcher.fetch(link, maxPageBytes, deadline, ACCEPT_PAGE);
            if (page.isImage()) {
                return page.truncated() ? null : new LinkPreview(link.toString(), null, null, ThumbnailMaker.jpeg(page.body()));
            }
            if (!page.isHtml()) {
                throw new PreviewFetchException("no preview in " + page.mediaType());
            }
            PageMetadata meta = HtmlPreviewExtractor.extract(page.body(), page.charset(), page.uri());
            byte[] thumbnail = meta.image() == null ? null : thumbnail(meta.image(), deadline);
            if (meta.title() == null && meta.description() == null && thumbnail == null) {
                throw new PreviewFetchException("the page has no title, description or image");
            }
            return new LinkPreview(link.toString(), meta.title(), meta.description(), thumbnail);
        } catch (PreviewFetchException e) {
            LOG.log(Level.INFO, "Posting " + redacted(link) + " without a preview: " + e.getMessage());
            return null;
        }
    }

    private byte[] thumbnail(URI image, Instant deadline) {
        try {
            FetchedResource fetched = fetcher.fetch(image, maxImageBytes, deadline, ACCEPT_IMAGE);
            if (fetched.truncated()) {
                throw new PreviewFetchException("image larger than " + maxImageBytes + " bytes");
            }
            return ThumbnailMaker.jpeg(fetched.body());
        } catch (PreviewFetchException e) {
            LOG.log(Level.FINE, "No thumbnail from " + redacted(image) + ": " + e.getMessage());
            return null;
        }
    }

    /** Links may carry tokens in their query; the log gets scheme, host and path only. */
    private static String redacted(URI u) {
        return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "")
                + (u.getRawPath() == null ? "" : u.getRawPath());
    }
}
