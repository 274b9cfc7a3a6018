package app.statustracker.service;

import app.statustracker.config.MediaSettings;
import app.statustracker.config.PrivateFolders;
import app.statustracker.config.Settings;
import app.statustracker.runtime.OutboundTls;
import app.statustracker.service.errors.InvalidInputException;
import app.statustracker.service.fetch.GuardedDownloader;
import app.statustracker.service.fetch.LinkFetchException;
import app.statustracker.service.media.MediaFormat;
import app.statustracker.service.media.MediaPreparation;
import app.statustracker.service.media.MediaTooLargeException;
import app.statustracker.service.media.PreparedMedia;
import app.statustracker.service.media.StoredUpload;
import app.statustracker.service.media.UploadStore;
import app.statustracker.service.media.UploadStore.Kind;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The seed's media uploads: files stored under {@code DATA_DIR/uploads} by their content's type, answered with the
 * generated name that {@code send-status} later takes as {@code content}, and removed when unused for
 * {@code UPLOAD_TTL_HOURS}.
 */
@ApplicationScoped
public class UploadService {
    private static final Logger LOG = Logger.getLogger(UploadService.class.getName());
    public static final String FOLDER = "uploads";
    /** Converted images on their way to WhatsApp; each is removed once its status went out. */
    public static final String WORK_FOLDER = "media-prep";
    static final String USER_AGENT = "Mozilla/5.0 (compatible; StatusTracker-Media/1.0)";

    @Inject
    Settings settings;
    @Inject
    MediaSettings mediaSettings;

    @Inject
    OutboundTls tls;

    private UploadStore store;
    /** Prepared forms of recently posted uploads (they never change); a few dozen photos' thumbnails at most. */
    private final Map<String, PreparedMedia> prepared = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedMedia> eldest) {
            return size() > 64;
        }
    };
    private GuardedDownloader downloader;
    private Path workFolder;

    @PostConstruct
    void init() {
        store = new UploadStore(settings.dataDir().resolve(FOLDER), maxBytes(), Clock.systemUTC(), new SecureRandom());
        try {
            workFolder = PrivateFolders.create(settings.dataDir().resolve(WORK_FOLDER));
            PrivateFolders.clear(workFolder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + workFolder + ": " + e.getMessage(), e);
        }
        downloader = new GuardedDownloader(settings.fetchAllowPrivateAddresses(), InetAddress::getAllByName,
                tls.sslContext(), Clock.systemUTC(), USER_AGENT);
    }

    @PreDestroy
    void close() {
        try {
            downloader.close();
        } catch (IOException e) {
            LOG.fine("closing the media link client: " + e.getMessage());
        }
    }

    private long maxBytes() {
        return settings.maxUploadMb() * 1024L * 1024L;
    }

    /** Stores one uploaded file; 413 over MAX_UPLOAD_MB, 415 when its bytes are not the kind the route takes. */
    public UploadView store(InputStream content, Kind kind) {
        StoredUpload stored = store.store(content, kind);
        prepareAhead(stored);
        return UploadView.of(stored);
    }

    /**
     * Works out the thumbnail of a JPEG or MP4 upload now, so that posting it later costs only the encryption and
     * the upload to WhatsApp. A JPEG whose pixels do not decode is refused here (400) rather than at the post.
     */
    private void prepareAhead(StoredUpload stored) {
        if (stored.format() != MediaFormat.JPEG && stored.format() != MediaFormat.MP4) {
            return; // PNG and WebP are converted at the post: the JPEG copy is not kept
        }
        try {
            prepare(stored.filename(), store.directory().resolve(stored.filename()), stored.format());
        } catch (RuntimeException e) {
            store.delete(stored.filename());
            throw e;
        }
    }

    /**
     * Downloads a media link under the upload rules (MAX_UPLOAD_MB, the type by content, public addresses only
     * unless FETCH_ALLOW_PRIVATE_ADDRESSES) and stores it as an upload; the caller deletes it after the post.
     * 400 for a refused address or scheme, 422 when the host failed or was too slow, 413, 415.
     */
    public StoredUpload fetch(URI link, Kind kind) {
        try {
            return downloader.get(link, mediaSettings.fetchTimeout(), (body, declaredLength) -> {
                if (declaredLength > maxBytes()) {
                    throw new MediaTooLargeException("the media link's file is larger than MAX_UPLOAD_MB ("
                            + settings.maxUploadMb() + " MB)");
                }
                return store.store(body, kind);
            });
        } catch (LinkFetchException e) {
            LOG.info("media link not fetched: " + e.getMessage()); // host and path only
            if (e.refusedAddress()) {
                throw new InvalidInputException("content: " + e.getMessage());
            }
            throw e;
        }
    }

    /**
     * What a post of this file needs (size, thumbnail, a JPEG copy of a PNG or WebP). For a stored JPEG or MP4 it is
     * worked out once and kept while the upload is in use: the same photo posted to another audience costs nothing
     * here the second time. {@code uploadName} null: a fetched link's copy, prepared each time.
     */
    public PreparedMedia prepare(String uploadName, Path file, MediaFormat format) {
        boolean keep = uploadName != null && (format == MediaFormat.JPEG || format == MediaFormat.MP4);
        if (!keep) {
            return MediaPreparation.prepare(file, format, workFolder);
        }
        synchronized (prepared) {
            PreparedMedia known = prepared.get(uploadName);
            if (known != null) {
                return known;
            }
        }
        PreparedMedia fresh = MediaPreparation.prepare(file, format, workFolder);
        synchronized (prepared) {
            prepared.put(uploadName, fresh);
        }
        return fresh;
    }

    /** Removes an upload now (a fetched link's copy after its post). */
    public void delete(String filename) {
        store.delete(filename);
    }

    /** Where converted copies are made before the post. */
    public Path workFolder() {
        return workFolder;
    }

    /** The stored file of a name given as {@code content}: 400 for a name we never issue, 404 for a missing one. */
    public Path resolve(String filename) {
        return store.resolve(filename);
    }

    /** The format of a stored upload, from its name (the name's extension was chosen from the content). */
    public MediaFormat formatOf(String filename) {
        return MediaFormat.fromExtension(filename.substring(filename.lastIndexOf('.') + 1));
    }

    /** Removes uploads unused for UPLOAD_TTL_HOURS; returns how many went. */
    public int sweep() {
        return store.sweep(mediaSettings.uploadTtl());
    }

    public UploadsStorage storage() {
        return new UploadsStorage(store.count(), store.totalBytes());
    }

    /** The uploads' share of {@code GET /api/storage}. */
    public record UploadsStorage(int files, long totalBytes) {
    }

    /** The seed's upload answer, camelCase; {@code durationSeconds} only for a video. */
    public record UploadView(String filename, String mimeType, long size, int width, int height,
                             Double durationSeconds) {
        static UploadView of(StoredUpload stored) {
            return new UploadView(stored.filename(), stored.format().mimeType(), stored.size(), stored.width(),
                    stored.height(), stored.durationSeconds());
        }
    }
}
