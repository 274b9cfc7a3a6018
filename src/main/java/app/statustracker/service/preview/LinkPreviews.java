package app.statustracker.service.preview;

import app.statustracker.config.Settings;
import app.statustracker.config.StatusSettings;
import app.statustracker.wa.status.LinkPreview;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;

/**
 * The application's link-preview fetcher: one HttpClient (redirects left to the fetcher) on the server's managed
 * executor, the caps from {@link StatusSettings}, private addresses refused unless FETCH_ALLOW_PRIVATE_ADDRESSES.
 */
@ApplicationScoped
public class LinkPreviews {
    @Resource
    ManagedExecutorService executor;
    @Inject
    Settings settings;
    @Inject
    StatusSettings statusSettings;

    private LinkPreviewFetcher fetcher;

    @PostConstruct
    void init() {
        HttpClient client = HttpClient.newBuilder().executor(executor).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(statusSettings.previewTimeout()).build();
        fetcher = new LinkPreviewFetcher(client, new AddressGuard(settings.fetchAllowPrivateAddresses()),
                statusSettings.previewTimeout(), statusSettings.previewMaxBytes(), statusSettings.previewMaxBytes());
    }

    /** @return the preview, or null to post the link without one */
    public LinkPreview preview(URI link) {
        return fetcher.preview(link);
    }
}
