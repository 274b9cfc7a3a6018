package app.statustracker.simulator.media;

import java.nio.file.Path;
import java.util.HexFormat;

/**
 * One file the media host accepted.
 *
 * @param type       the path segment after {@code /mms/} (image, video, …)
 * @param token      the token as the client sent it in the path (padded or not)
 * @param size       bytes received: the encrypted file with its 10-byte MAC
 * @param sha256     SHA-256 of those bytes, i.e. the message's {@code fileEncSha256}
 * @param file       where the bytes are kept until the host closes
 * @param directPath what the answer's {@code direct_path} said, query string included
 * @param origin     the upload's Origin header, null when it had none (real clients send web.whatsapp.com)
 */
public record StoredUpload(String type, String token, long size, byte[] sha256, Path file, String directPath,
                           String origin) {
    public StoredUpload {
        sha256 = sha256.clone();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }

    /** The direct path without its query string: what a download is matched on. */
    public String pathOnly() {
        return stripQuery(directPath);
    }

    static String stripQuery(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
