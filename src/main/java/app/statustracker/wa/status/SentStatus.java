package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * A status we sent, as much as answering a retry receipt for it needs (docs/protocol.md, Retries): the Message bytes
 * (unpadded), whether it was a revoke ({@code edit="7"}), the sender key id it went out under, and the LID users it
 * was addressed to — only their devices get it again.
 */
public record SentStatus(String id, byte[] message, boolean revoke, int senderKeyId, Set<Jid> audience,
                         Instant sentAt) {
    public SentStatus {
        Objects.requireNonNull(id, "id");
        message = Objects.requireNonNull(message, "message").clone();
        audience = Set.copyOf(audience);
        Objects.requireNonNull(sentAt, "sentAt");
    }

    @Override
    public byte[] message() {
        return message.clone();
    }

    /** Whether a device (LID device JID) belongs to a user the status was addressed to. */
    public boolean wasAddressedTo(Jid device) {
        return audience.contains(device.withoutDevice());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SentStatus s && id.equals(s.id) && Arrays.equals(message, s.message)
                && revoke == s.revoke && senderKeyId == s.senderKeyId && audience.equals(s.audience)
                && sentAt.equals(s.sentAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, revoke, senderKeyId, sentAt) * 31 + Arrays.hashCode(message);
    }

    @Override
    public String toString() {
        return "SentStatus[" + id + ", " + message.length + " bytes, revoke=" + revoke + ", keyId=" + senderKeyId
                + ", " + audience.size() + " users]";
    }
}
