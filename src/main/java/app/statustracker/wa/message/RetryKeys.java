package app.statustracker.wa.message;

import app.statustracker.wa.signal.PreKey;
import app.statustracker.wa.signal.SignedPreKey;
import java.util.Objects;

/**
 * Our key material for a retry receipt's {@code <keys>} (docs/protocol.md, Retries): enough for the sender to start a
 * fresh session with us (X3DH), as a pre-key fetch would give it.
 *
 * @param identityKey    our identity public key, raw 32 bytes
 * @param preKey         a fresh one-time pre-key, stored before the receipt goes out (never uploaded)
 * @param signedPreKey   our signed pre-key
 * @param deviceIdentity our ADVSignedDeviceIdentity with the account signature key
 */
public record RetryKeys(byte[] identityKey, PreKey preKey, SignedPreKey signedPreKey, byte[] deviceIdentity) {
    public RetryKeys {
        identityKey = Objects.requireNonNull(identityKey, "identityKey").clone();
        Objects.requireNonNull(preKey, "preKey");
        Objects.requireNonNull(signedPreKey, "signedPreKey");
        deviceIdentity = Objects.requireNonNull(deviceIdentity, "deviceIdentity").clone();
    }

    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }

    @Override
    public byte[] deviceIdentity() {
        return deviceIdentity.clone();
    }
}
