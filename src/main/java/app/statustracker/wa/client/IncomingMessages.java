package app.statustracker.wa.client;

import app.statustracker.wa.binary.Node;
import app.statustracker.wa.message.DecryptedMessage;
import app.statustracker.wa.message.IncomingMessageDecryptor;
import app.statustracker.wa.message.MessageDecryptionException;
import app.statustracker.wa.message.RetryCounter;
import app.statustracker.wa.message.RetryKeys;
import app.statustracker.wa.message.RetryReceiptStanza;
import java.time.Clock;

/**
 * The {@code <message>}s the server pushes (contacts' statuses, 1:1 messages, re-sends after our retry receipts):
 * opened on the device's Signal queue in arrival order (docs/protocol.md, Signal), reported as
 * {@link ClientEvent.MessageReceived}, then acked (docs/protocol.md, Login). A message that does not decrypt is
 * answered with a retry receipt (docs/protocol.md, Retries) — with our keys from the second try on, or at once when
 * the sender needs a new session — at most {@link RetryCounter#MAX_RETRIES} times per message; a duplicate is only
 * acked. Without Signal stores the client acks messages unread, as before.
 */
final class IncomingMessages {
    private static final System.Logger LOG = System.getLogger(IncomingMessages.class.getName());

    private final WaClient client;
    private final DeviceSignal signal;
    private final RetryCounter retries = new RetryCounter();
    private final Clock clock;

    IncomingMessages(WaClient client, DeviceSignal signal, Clock clock) {
        this.client = client;
        this.signal = signal;
        this.clock = clock;
    }

    void onMessage(ClientSession session, Node message) {
        if (message.attr("id") == null) {
            return;
        }
        Node ack = ClientStanzas.ack(message, session.ownDevice());
        if (signal == null || !IncomingMessageDecryptor.hasEncryptedContent(message)) {
            session.send(ack);
            return;
        }
        signal.work().execute(() -> {
            try {
                open(session, message);
            } finally {
                session.send(ack);
            }
        });
    }

    private void open(ClientSession session, Node message) {
        DeviceCredentials credentials = client.credentials();
        String key = message.attr("from", "") + "|" + message.attr("participant", "") + "|" + message.attr("id");
        try {
            DecryptedMessage opened = signal.decryptor(credentials).decrypt(message);
            retries.forget(key);
            if (opened.senderIdentityChanged()) {
                LOG.log(System.Logger.Level.INFO, "identity of " + opened.sender() + " changed");
            }
            client.emit(new ClientEvent.MessageReceived(opened.chat(), opened.sender(), opened.id(),
                    opened.timestamp().orElseGet(clock::instant), opened.message()));
        } catch (MessageDecryptionException e) {
            if (!e.reason().asksForRetry()) {
                LOG.log(System.Logger.Level.DEBUG, "message " + message.attr("id") + " dropped: " + e.getMessage());
                return;
            }
            int count = retries.next(key, countInStanza(message));
            if (count == 0) {
                LOG.log(System.Logger.Level.WARNING, "giving up on message " + message.attr("id") + ": " + e.getMessage());
                return;
            }
            LOG.log(System.Logger.Level.DEBUG, "retry #" + count + " for " + message.attr("id") + ": " + e.getMessage());
            RetryKeys keys = count > 1 || e.retryNeedsOurKeys() ? ourKeys(session, credentials) : null;
            session.send(RetryReceiptStanza.build(message, count, credentials.registrationId(), keys));
        }
    }

    /** A fresh one-time pre-key (stored, never uploaded) with our identity, as whatsmeow GenOnePreKey does. */
    private static RetryKeys ourKeys(ClientSession session, DeviceCredentials credentials) {
        if (credentials.account() == null) {
            return null;
        }
        return new RetryKeys(credentials.identityKey().publicKey(), session.freshPreKey(),
                credentials.signedPreKey(), credentials.account());
    }

    /** A re-sent message carries the retry count it answers on its single {@code <enc count>} (whatsmeow). */
    private static int countInStanza(Node message) {
        var encs = message.children("enc");
        if (encs.size() != 1) {
            return 0;
        }
        try {
            return Integer.parseInt(encs.get(0).attr("count", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
