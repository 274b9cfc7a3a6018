package app.statustracker.wa.media;

import app.statustracker.wa.crypto.Hkdf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The keys one media key expands to (docs/protocol.md, Media): HKDF-SHA256 with no salt and the type's info string,
 * 112 bytes cut into IV (16), AES-256 cipher key (32), HMAC-SHA256 key (32) and a ref key (32) that statuses do
 * not use. Baileys getMediaKeys, whatsmeow getMediaKeys.
 */
public record MediaKeys(byte[] iv, byte[] cipherKey, byte[] macKey, byte[] refKey) {
    public static final int MEDIA_KEY_LENGTH = 32;
    private static final int EXPANDED_LENGTH = 112;

    public MediaKeys {
        iv = iv.clone();
        cipherKey = cipherKey.clone();
        macKey = macKey.clone();
        refKey = refKey.clone();
    }

    public static MediaKeys expand(byte[] mediaKey, MediaType type) {
        if (mediaKey == null || mediaKey.length != MEDIA_KEY_LENGTH) {
            throw new IllegalArgumentException("a media key is " + MEDIA_KEY_LENGTH + " bytes");
        }
        byte[] expanded = Hkdf.sha256(null, mediaKey, type.hkdfInfo().getBytes(StandardCharsets.US_ASCII),
                EXPANDED_LENGTH);
        return new MediaKeys(Arrays.copyOfRange(expanded, 0, 16), Arrays.copyOfRange(expanded, 16, 48),
                Arrays.copyOfRange(expanded, 48, 80), Arrays.copyOfRange(expanded, 80, 112));
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public byte[] cipherKey() {
        return cipherKey.clone();
    }

    @Override
    public byte[] macKey() {
        return macKey.clone();
    }

    @Override
    public byte[] refKey() {
        return refKey.clone();
    }
}
