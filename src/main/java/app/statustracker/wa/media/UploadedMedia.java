package app.statustracker.wa.media;

import java.util.Objects;

/**
 * A media file as it went to WhatsApp: where receivers download it and what they need to decrypt and check it
 * (the ImageMessage / VideoMessage fields, docs/protocol.md, Media).
 *
 * @param mediaKeyTimestamp unix seconds when the media key was made
 */
public record UploadedMedia(MediaType type, String url, String directPath, byte[] mediaKey, long mediaKeyTimestamp,
                            byte[] fileSha256, byte[] fileEncSha256, long fileLength) {
    public UploadedMedia {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(directPath, "directPath");
        mediaKey = mediaKey.clone();
        fileSha256 = fileSha256.clone();
        fileEncSha256 = fileEncSha256.clone();
    }

    @Override
    public byte[] mediaKey() {
        return mediaKey.clone();
    }

    @Override
    public byte[] fileSha256() {
        return fileSha256.clone();
    }

    @Override
    public byte[] fileEncSha256() {
        return fileEncSha256.clone();
    }
}
