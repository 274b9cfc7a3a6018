package app.statustracker.wa.media;

/**
 * What encrypting a media file produced, besides the encrypted bytes themselves: the fields the ImageMessage or
 * VideoMessage carries and the upload token is made of (docs/protocol.md, Media).
 *
 * @param fileSha256      SHA-256 of the plain file
 * @param fileEncSha256   SHA-256 of the uploaded file: ciphertext followed by the 10-byte MAC
 * @param fileLength      length of the plain file
 * @param encryptedLength length of the uploaded file
 */
public record EncryptedMedia(byte[] fileSha256, byte[] fileEncSha256, long fileLength, long encryptedLength) {
    public EncryptedMedia {
        fileSha256 = fileSha256.clone();
        fileEncSha256 = fileEncSha256.clone();
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
