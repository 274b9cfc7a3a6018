package app.statustracker.wa.media;

import java.util.Objects;

/**
 * A media file as it went to WhatsApp: where receivers download it and what they need to decrypt and check it
 * (the ImageMessage / VideoMessage fields, docs/protocol.md, Media).
 *
 * @param mediaKeyTimestamp unix seconds when the media key was made
 * @param encrypted         the hashes and length of the plain and uploaded file
 */
public record UploadedMedia(MediaType type, String url, String directPath, byte[] mediaKey, long mediaKeyTimestamp,
                            EncryptedMedia encrypted) {
    public UploadedMedia {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(directPath, "directPath");
        Objects.requireNonNull(encrypted, "encrypted");
        mediaKey = mediaKey.clone();
    }

    @Override
    public byte[] mediaKey() {
        return mediaKey.clone();
    }
}
