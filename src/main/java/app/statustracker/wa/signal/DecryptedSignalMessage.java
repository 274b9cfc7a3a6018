package app.statustracker.wa.signal;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A decrypted pairwise message (still padded, docs/protocol.md, Signal).
 *
 * @param plaintext        the decrypted bytes
 * @param identityChanged  the sender's identity key differs from the one we had (sessions with the old one were
 *                         dropped); the application logs it — trust is on change, like Baileys
 * (docs/protocol.md, Signal)
 * @param consumedPreKeyId the one-time pre-key a pkmsg used for a new session; {@link SignalSessions} removes it
 *                         after storing the record, a caller of {@link SessionCipher} must do the same
 */
public record DecryptedSignalMessage(byte[] plaintext, boolean identityChanged, OptionalInt consumedPreKeyId) {
    public DecryptedSignalMessage {
        plaintext = Objects.requireNonNull(plaintext, "plaintext").clone();
        Objects.requireNonNull(consumedPreKeyId, "consumedPreKeyId");
    }

    @Override
    public byte[] plaintext() {
        return plaintext.clone();
    }

    DecryptedSignalMessage withIdentityChanged(boolean changed) {
        return new DecryptedSignalMessage(plaintext, identityChanged || changed, consumedPreKeyId);
    }
}
