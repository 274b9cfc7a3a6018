package app.statustracker.wa.message;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.proto.MessageProtos.Message;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one incoming {@code <message>} stanza carried once every {@code <enc>} was opened (docs/protocol.md, Signal).
 *
 * @param chat                    the conversation: {@code status@broadcast}, a group, or the sender's user JID
 * @param sender                  the sending device as the stanza named it ({@code participant}, else {@code from})
 * @param id                      the message id
 * @param timestamp               the server's {@code t}, if given
 * @param message                 the decrypted Messages merged in document order (the SKDM carrier and the content
 *                                of one stanza become one Message, as Baileys shows them)
 * @param senderIdentityChanged   a pkmsg came with another identity key than the one we had stored (trust on
 *                                change, docs/protocol.md, Signal): for the application to log
 */
public record DecryptedMessage(Jid chat, Jid sender, String id, Optional<Instant> timestamp, Message message,
                               boolean senderIdentityChanged) {
    public DecryptedMessage {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(message, "message");
    }
}
