package app.statustracker.wa.pairing;

import java.util.Base64;

/**
 * The text a QR code carries for linking (docs/protocol.md, Pairing):
 * {@code https://wa.me/settings/linked_devices#<ref>,<noisePub>,<identityPub>,<advSecret>,<platformId>}, keys in
 * standard base64 with padding. The platform id is a CompanionWebClientType ("1" Chrome … "9" other web client).
 */
public final class QrCodeData {
    public static final String PREFIX = "https://wa.me/settings/linked_devices#";

    private QrCodeData() {
    }

    public static String format(String ref, byte[] noisePublicKey, byte[] identityPublicKey, byte[] advSecret,
                                String platformId) {
        if (ref == null || ref.isEmpty() || ref.indexOf(',') >= 0) {
            throw new IllegalArgumentException("a QR ref must be non-empty without commas");
        }
        requireLength(noisePublicKey, "noise public key");
        requireLength(identityPublicKey, "identity public key");
        requireLength(advSecret, "adv secret");
        Base64.Encoder base64 = Base64.getEncoder();
        return PREFIX + ref + ',' + base64.encodeToString(noisePublicKey) + ','
                + base64.encodeToString(identityPublicKey) + ',' + base64.encodeToString(advSecret) + ','
                + platformId;
    }

    private static void requireLength(byte[] key, String what) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException(what + " must be 32 bytes");
        }
    }
}
