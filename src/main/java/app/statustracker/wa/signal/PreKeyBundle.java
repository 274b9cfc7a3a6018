package app.statustracker.wa.signal;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the server hands out for one device in answer to an {@code encrypt}/{@code key} query
 * (docs/protocol.md, Pre-keys): enough to start a Signal session with it (X3DH). Keys are the raw 32-byte Curve25519
 * forms; the one-time pre-key may be absent when the device ran out of them.
 */
public record PreKeyBundle(int registrationId, byte[] identityKey, int signedPreKeyId, byte[] signedPreKey,
        byte[] signedPreKeySignature, OptionalInt preKeyId, byte[] preKey) {

    public PreKeyBundle {
        identityKey = key32(identityKey, "identityKey");
        signedPreKey = key32(signedPreKey, "signedPreKey");
        Objects.requireNonNull(signedPreKeySignature, "signedPreKeySignature");
        if (signedPreKeySignature.length != 64) {
            throw new IllegalArgumentException("signed pre-key signature must be 64 bytes");
        }
        signedPreKeySignature = signedPreKeySignature.clone();
        Objects.requireNonNull(preKeyId, "preKeyId");
        if (preKeyId.isPresent() != (preKey != null)) {
            throw new IllegalArgumentException("a one-time pre-key needs both its id and its key");
        }
        preKey = preKey == null ? null : key32(preKey, "preKey");
    }

    private static byte[] key32(byte[] key, String what) {
        Objects.requireNonNull(key, what);
        if (key.length != 32) {
            throw new IllegalArgumentException(what + " must be 32 bytes, got " + key.length);
        }
        return key.clone();
    }

    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }

    @Override
    public byte[] signedPreKey() {
        return signedPreKey.clone();
    }

    @Override
    public byte[] signedPreKeySignature() {
        return signedPreKeySignature.clone();
    }

    @Override
    public byte[] preKey() {
        return preKey == null ? null : preKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PreKeyBundle b && registrationId == b.registrationId
                && signedPreKeyId == b.signedPreKeyId && preKeyId.equals(b.preKeyId)
                && Arrays.equals(identityKey, b.identityKey) && Arrays.equals(signedPreKey, b.signedPreKey)
                && Arrays.equals(signedPreKeySignature, b.signedPreKeySignature) && Arrays.equals(preKey, b.preKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(registrationId, signedPreKeyId, preKeyId, Arrays.hashCode(identityKey));
    }

    @Override
    public String toString() {
        return "PreKeyBundle[registrationId=" + registrationId + ", signedPreKeyId=" + signedPreKeyId
                + ", preKeyId=" + preKeyId + "]";
    }
}
