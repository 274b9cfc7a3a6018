package app.statustracker.wa.pairing;

import app.statustracker.wa.crypto.AesGcm;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.crypto.Hkdf;
import app.statustracker.wa.crypto.InvalidPublicKeyException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The companion's last link-code step (docs/protocol.md, Pairing): the key bundle for the primary and the adv secret
 * that will key the pair-success HMAC.
 *
 * @param wrappedKeyBundle {@code bundleSalt(32) ‖ bundleIv(12) ‖ AES-GCM(identity ‖ primaryIdentity ‖ advRandom)}, 156 bytes
 * @param advSecret        HKDF(ephShared ‖ identShared ‖ advRandom, no salt, "adv_secret"), 32 bytes
 */
public record CompanionFinish(byte[] wrappedKeyBundle, byte[] advSecret) {
    private static final byte[] BUNDLE_INFO =
            "link_code_pairing_key_bundle_encryption_key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ADV_INFO = "adv_secret".getBytes(StandardCharsets.US_ASCII);
    public static final int WRAPPED_BUNDLE_LENGTH = 32 + 12 + 96 + 16;

    public static CompanionFinish compute(Curve25519KeyPair companionEphemeral, byte[] primaryEphemeralPub,
                                          Curve25519KeyPair companionIdentity, byte[] primaryIdentityPub,
                                          SecureRandom random) throws PairingProtocolException {
        byte[] bundleSalt = new byte[32];
        byte[] bundleIv = new byte[12];
        byte[] advRandom = new byte[32];
        random.nextBytes(bundleSalt);
        random.nextBytes(bundleIv);
        random.nextBytes(advRandom);
        return compute(companionEphemeral, primaryEphemeralPub, companionIdentity, primaryIdentityPub,
                bundleSalt, bundleIv, advRandom);
    }

    /** Deterministic form for tests and the simulator's cross-check. */
    public static CompanionFinish compute(Curve25519KeyPair companionEphemeral, byte[] primaryEphemeralPub,
                                          Curve25519KeyPair companionIdentity, byte[] primaryIdentityPub,
                                          byte[] bundleSalt, byte[] bundleIv, byte[] advRandom)
            throws PairingProtocolException {
        byte[] ephShared = agree(companionEphemeral.privateKey(), primaryEphemeralPub, "primary ephemeral key");
        byte[] identShared = agree(companionIdentity.privateKey(), primaryIdentityPub, "primary identity key");
        byte[] bundleKey = Hkdf.sha256(bundleSalt, ephShared, BUNDLE_INFO, 32);
        byte[] plain = concat(companionIdentity.publicKey(), primaryIdentityPub, advRandom);
        byte[] sealed = AesGcm.encrypt(bundleKey, bundleIv, null, plain);
        byte[] wrapped = concat(bundleSalt, bundleIv, sealed);
        byte[] advSecret = Hkdf.sha256(null, concat(ephShared, identShared, advRandom), ADV_INFO, 32);
        return new CompanionFinish(wrapped, advSecret);
    }

    private static byte[] agree(byte[] privateKey, byte[] publicKey, String what) throws PairingProtocolException {
        try {
            return Curve25519.sharedSecret(privateKey, publicKey);
        } catch (InvalidPublicKeyException e) {
            throw new PairingProtocolException("unusable " + what + ": " + e.getMessage(), e);
        }
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }
}
