package app.statustracker.wa.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Encrypts a media file and uploads it to WhatsApp's media hosts (docs/protocol.md, Media): a fresh media key, the
 * file encrypted to a temporary file beside the others (the upload URL holds the encrypted file's hash, so the whole
 * file is encrypted before the first byte goes out, never held in memory), then
 * {@code POST https://<host><type path>/<token>?auth=<auth>&token=<token>} with
 * {@code token = base64url(SHA-256(encrypted file))} unpadded, as Baileys sends it. Hosts are tried in the order
 * media_conn gave them; the first answer with {@code url} and {@code direct_path} wins.
 */
public final class MediaUploader {
    static final String ORIGIN = "https://web.whatsapp.com";

    private final HttpClient http;
    private final MediaConnCache conns;
    private final Path workDir;
    private final Executor blockingIo;
    private final SecureRandom random;
    private final Clock clock;
    private final Duration timeout;

    /**
     * @param http       trusts the media hosts' certificates (the JDK's store, plus any extra CA the user gave)
     * @param workDir    where encrypted files wait for their upload; each is removed afterwards
     * @param blockingIo runs the encryption, which reads and writes files
     * @param timeout    for each host's whole upload
     */
    public MediaUploader(HttpClient http, MediaConnCache conns, Path workDir, Executor blockingIo, SecureRandom random,
                         Clock clock, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.conns = Objects.requireNonNull(conns, "conns");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
        this.blockingIo = Objects.requireNonNull(blockingIo, "blockingIo");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Completes with the uploaded media, or exceptionally with {@link MediaUploadException}. */
    public CompletableFuture<UploadedMedia> upload(Path plainFile, MediaType type) {
        byte[] mediaKey = new byte[MediaKeys.MEDIA_KEY_LENGTH];
        random.nextBytes(mediaKey);
        long keyTime = clock.instant().getEpochSecond();
        CompletableFuture<Encrypted> encrypted = CompletableFuture.supplyAsync(
                () -> encrypt(plainFile, mediaKey, type), blockingIo);
        CompletableFuture<UploadedMedia> result = encrypted.thenCombine(conns.get(), Pending::new)
                .thenCompose(pending -> tryHosts(pending, 0, type, new ArrayList<>())
                        .thenApply(answer -> new UploadedMedia(type, answer.url(), answer.directPath(), mediaKey,
                                keyTime, pending.encrypted().media())));
        return result.whenComplete((ignored, failure) -> encrypted.thenAccept(e -> delete(e.file())))
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(explain(failure)));
    }

    static String token(byte[] fileEncSha256) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fileEncSha256);
    }

    private record Encrypted(Path file, EncryptedMedia media) {
    }

    private record Pending(Encrypted encrypted, MediaConn conn) {
    }

    private record HostAnswer(String url, String directPath) {
    }

    private Encrypted encrypt(Path plainFile, byte[] mediaKey, MediaType type) {
        Path target = null;
        try {
            target = Files.createTempFile(workDir, "upload-", ".enc");
            try (InputStream in = Files.newInputStream(plainFile); OutputStream out = Files.newOutputStream(target)) {
                return new Encrypted(target, MediaCipher.encrypt(in, out, mediaKey, type));
            }
        } catch (IOException e) {
            if (target != null) {
                delete(target);
            }
            throw new CompletionException(new MediaUploadException("could not encrypt the media file: "
                    + e.getMessage(), e));
        }
    }

    private CompletableFuture<HostAnswer> tryHosts(Pending pending, int index, MediaType type, List<String> failures) {
        List<String> hosts = pending.conn().hosts();
        if (index >= hosts.size()) {
            conns.invalidate(); // a fresh media_conn may name other hosts or a new token
            return CompletableFuture.failedFuture(new MediaUploadException("every media host refused the upload: "
                    + String.join("; ", failures)));
        }
        String host = hosts.get(index);
        String token = token(pending.encrypted().media().fileEncSha256());
        URI uri = URI.create("https://" + host + type.uploadPath() + "/" + token + "?auth="
                + URLEncoder.encode(pending.conn().auth(), StandardCharsets.UTF_8) + "&token=" + token);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Origin", ORIGIN)
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofFile(pending.encrypted().file()))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        failures.add(host + ": " + rootMessage(failure));
                        return null;
                    }
                    HostAnswer answer = answer(response);
                    if (answer == null) {
                        failures.add(host + ": HTTP " + response.statusCode());
                    }
                    return answer;
                })
                .thenCompose(answer -> answer != null ? CompletableFuture.completedFuture(answer)
                        : tryHosts(pending, index + 1, type, failures));
    }

    /** The host's answer when it accepted the file; null otherwise (Baileys counts a missing url as a refusal). */
    private static HostAnswer answer(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return null;
        }
        try {
            Map<String, String> fields = UploadAnswer.strings(response.body());
            String url = fields.get("url");
            String directPath = fields.get("direct_path");
            if (url == null || url.isEmpty() || directPath == null || directPath.isEmpty()) {
                return null;
            }
            return new HostAnswer(url, directPath);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Throwable explain(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof MediaUploadException) {
            return cause;
        }
        return new MediaUploadException("media upload failed: " + rootMessage(cause), cause);
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file in the work folder is swept with it; nothing more to do here
        }
    }
}
