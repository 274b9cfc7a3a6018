package app.statustracker.wa.client;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.proto.MessageProtos.Message;
import app.statustracker.wa.status.StatusReceipt;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What a {@link WaClient} tells its {@link ClientListener}, as typed values (whatsmeow's events package). */
public sealed interface ClientEvent {

    /** A QR code to show: the full string of docs/protocol.md, Pairing. Replaced by the next one after its lifetime. */
    record QrCode(String data) implements ClientEvent {
        /** The QR string carries the adv secret and our keys: never into a log. */
        @Override
        public String toString() {
            return "QrCode[…]";
        }
    }

    /** The 8-character code to type on the phone; valid until the next PairingCode event. */
    record PairingCode(String code) implements ClientEvent {
        /** Whoever reads the code can link a phone to this session: never into a log. */
        @Override
        public String toString() {
            return "PairingCode[…]";
        }
    }

    /** The phone linked us; a restart (515) and a login follow. {@code lid} may be null. */
    record Paired(Jid phoneNumber, Jid lid, String platform) implements ClientEvent {
    }

    /** Logged in, pre-keys topped up, marked active: the device is usable. */
    record LoggedIn(Jid phoneNumber, Jid lid) implements ClientEvent {
    }

    /** The connection ended; {@link DisconnectReason#reconnect()} says what to do about it. */
    record Disconnected(DisconnectReason reason) implements ClientEvent {
    }

    /**
     * Viewer receipts for our statuses, as one stanza carried them (docs/protocol.md, Receipts). The client has NOT
     * acked the stanza: run {@code ackAfterCommit} once the receipts are stored, so that a crash before the commit gets
     * them redelivered instead of lost (docs/protocol.md, Receipts). Running it more than once, or after the
     * connection ended, is harmless.
     */
    record StatusReceipts(List<StatusReceipt> receipts, Runnable ackAfterCommit) implements ClientEvent {
        public StatusReceipts {
            receipts = List.copyOf(receipts);
            Objects.requireNonNull(ackAfterCommit, "ackAfterCommit");
        }
    }

    /**
     * A message someone sent us, decrypted (docs/protocol.md, Signal): a contact's status ({@code chat} is
     * {@code status@broadcast}), a 1:1 or group message. {@code sender} is the sending device as the stanza named it
     * (LID or PN); {@code message} holds every decrypted part of the stanza merged, the SKDM carrier included. The
     * client has already taken in its Signal state and acks the stanza after this event; nothing is stored.
     */
    record MessageReceived(Jid chat, Jid sender, String id, Instant timestamp, Message message) implements ClientEvent {
        public MessageReceived {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(message, "message");
        }

        /** Message contents are private: never into a log. */
        @Override
        public String toString() {
            return "MessageReceived[chat=" + chat + ", sender=" + sender + ", id=" + id + "]";
        }
    }
}
