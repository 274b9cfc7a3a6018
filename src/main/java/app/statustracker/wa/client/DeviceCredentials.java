package app.statustracker.wa.client;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.signal.LocalSignalIdentity;
import app.statustracker.wa.signal.SignedPreKey;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Everything one companion device must keep between connections (Baileys' AuthenticationCreds, whatsmeow's
 * store.Device). Immutable; each change makes a copy that the client hands to {@link CredentialsStore#save}.
 * Byte arrays are shared, not copied: callers do not modify them.
 *
 * @param noiseKey                Noise static key; its public half is the login credential
 * @param identityKey             Signal identity key
 * @param signedPreKey            signed by the identity key over {@code 0x05 ‖ pub}
 * @param registrationId          Signal registration id, 14 bits, never 0
 * @param advSecret               32 bytes: random for QR linking, derived for code linking (docs/protocol.md, Pairing)
 * @param pairingEphemeralKey     the companion ephemeral of code linking (Baileys keeps it in creds)
 * @param me                      our JIDs once paired, else null
 * @param account                 ADVSignedDeviceIdentity (with our device signature) once paired, else null
 * @param platform                the primary's platform from pair-success, or null
 * @param nextPreKeyId            the id the next generated one-time pre-key gets
 * @param firstUnuploadedPreKeyId pre-keys below this id have been accepted by the server
 */
public record DeviceCredentials(Curve25519KeyPair noiseKey, Curve25519KeyPair identityKey, SignedPreKey signedPreKey,
                                int registrationId, byte[] advSecret, Curve25519KeyPair pairingEphemeralKey, Me me,
                                byte[] account, String platform, int nextPreKeyId, int firstUnuploadedPreKeyId) {

    public static final int MAX_REGISTRATION_ID = 0x3FFF;

    public DeviceCredentials {
        Objects.requireNonNull(noiseKey, "noiseKey");
        Objects.requireNonNull(identityKey, "identityKey");
        Objects.requireNonNull(signedPreKey, "signedPreKey");
        Objects.requireNonNull(pairingEphemeralKey, "pairingEphemeralKey");
        if (registrationId < 1 || registrationId > MAX_REGISTRATION_ID) {
            throw new IllegalArgumentException("registration id must be 1..16383, got " + registrationId);
        }
        if (advSecret == null || advSecret.length != 32) {
            throw new IllegalArgumentException("adv secret must be 32 bytes");
        }
        if (nextPreKeyId < 1 || firstUnuploadedPreKeyId < 1 || firstUnuploadedPreKeyId > nextPreKeyId) {
            throw new IllegalArgumentException("pre-key counters out of order: next " + nextPreKeyId
                    + ", first unuploaded " + firstUnuploadedPreKeyId);
        }
    }

    /** Fresh keys for a device that has not been linked yet. */
    public static DeviceCredentials generate(SecureRandom random) {
        Curve25519KeyPair identity = Curve25519.generateKeyPair(random);
        byte[] advSecret = new byte[32];
        random.nextBytes(advSecret);
        // libsignal's KeyHelper range: never 0, below the 14-bit limit
        int registrationId = 1 + random.nextInt(MAX_REGISTRATION_ID - 1);
        return new DeviceCredentials(Curve25519.generateKeyPair(random), identity, SignedPreKey.generate(identity, 1),
                registrationId, advSecret, Curve25519.generateKeyPair(random), null, null, null, 1, 1);
    }

    /** Paired devices log in; others register (docs/protocol.md, Login). */
    public boolean isRegistered() {
        return me != null && account != null;
    }

    /** Our side of every Signal session: identity key pair, registration id, signed pre-key. */
    public LocalSignalIdentity signalIdentity() {
        return new LocalSignalIdentity(identityKey, registrationId, signedPreKey);
    }

    public DeviceCredentials withAdvSecret(byte[] secret) {
        return new DeviceCredentials(noiseKey, identityKey, signedPreKey, registrationId, secret, pairingEphemeralKey,
                me, account, platform, nextPreKeyId, firstUnuploadedPreKeyId);
    }

    public DeviceCredentials withPairing(Me newMe, byte[] newAccount, String newPlatform) {
        return new DeviceCredentials(noiseKey, identityKey, signedPreKey, registrationId, advSecret,
                pairingEphemeralKey, newMe, newAccount, newPlatform, nextPreKeyId, firstUnuploadedPreKeyId);
    }

    public DeviceCredentials withMe(Me newMe) {
        return withPairing(newMe, account, platform);
    }

    public DeviceCredentials withPreKeyCounters(int next, int firstUnuploaded) {
        return new DeviceCredentials(noiseKey, identityKey, signedPreKey, registrationId, advSecret,
                pairingEphemeralKey, me, account, platform, next, firstUnuploaded);
    }

    @Override
    public String toString() {
        return "DeviceCredentials[me=" + me + ", registrationId=" + registrationId + ", registered=" + isRegistered()
                + ", nextPreKeyId=" + nextPreKeyId + "]";
    }
}
