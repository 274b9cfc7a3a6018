package app.statustracker.wa.client;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.client.DisconnectReason.Kind;
import app.statustracker.wa.pairing.PairSuccess;
import app.statustracker.wa.pairing.PairingStanzas;
import app.statustracker.wa.signal.PreKey;
import app.statustracker.wa.status.DevicesNotification;
import app.statustracker.wa.status.MessageAck;
import app.statustracker.wa.status.PendingMessageAcks;
import app.statustracker.wa.status.StanzaChannel;
import app.statustracker.wa.status.StatusReceipt;
import app.statustracker.wa.status.StatusReceipts;
import app.statustracker.wa.status.StatusRetryRequest;
import app.statustracker.wa.transport.CloseReason;
import app.statustracker.wa.transport.ConnectionClosedException;
import app.statustracker.wa.transport.ConnectionListener;
import app.statustracker.wa.transport.WaConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection of a {@link WaClient}: routes what the server pushes, remembers why the connection is ending
 * (a stream error, a failure, the QR timeout) so that the close is reported with that reason, and acks every
 * pushed stanza (docs/protocol.md, Login) — except status receipts, which the application acks after storing them
 * (docs/protocol.md, Receipts). Matches server message acks to the messages we sent
 * (docs/protocol.md, Status stanza). Callbacks of a replaced connection only reach their own session.
 */
final class ClientSession implements ConnectionListener, StanzaChannel {
    private static final System.Logger LOG = System.getLogger(ClientSession.class.getName());

    private final WaClient client;
    private final boolean registering;
    private final PairingFlow pairing;
    private final LoginFlow login;
    private final PendingMessageAcks messageAcks;
    private final Clock clock = Clock.systemUTC();
    private volatile WaConnection connection;
    private volatile DisconnectReason ending;
    private volatile boolean loggedIn;
    private volatile boolean closed;

    ClientSession(WaClient client, boolean registering, String pairingPhone) {
        this.client = client;
        this.registering = registering;
        this.pairing = new PairingFlow(this, client, pairingPhone);
        this.login = new LoginFlow(this, client);
        this.messageAcks = new PendingMessageAcks(client.scheduler());
    }

    void attach(WaConnection newConnection) {
        connection = newConnection;
    }

    @Override
    public void onNode(WaConnection from, Node node) {
        connection = from;
        switch (node.tag()) {
            case "iq" -> onIq(node);
            case "success" -> login.onSuccess(node);
            case "failure" -> end(Disconnects.fromFailure(node));
            case "stream:error" -> end(Disconnects.fromStreamError(node));
            case "xmlstreamend" -> end(DisconnectReason.of(Kind.CONNECTION_LOST, 428, "server ended the stream"));
            case "notification" -> {
                if (DevicesNotification.matches(node)) {
                    // acked once acted on: a post right after the ack already asks for the new device list
                    client.onDevicesChanged(DevicesNotification.users(node));
                    send(ClientStanzas.ack(node, ownDevice()));
                } else {
                    send(ClientStanzas.ack(node, ownDevice()));
                    onNotification(node);
                }
            }
            case "ack" -> messageAcks.complete(node);
            case "receipt" -> onReceipt(node);
            case "message" -> client.incomingMessages().onMessage(this, node);
            default -> {
                if (ClientStanzas.needsAck(node)) {
                    send(ClientStanzas.ack(node, ownDevice()));
                }
            }
        }
    }

    private void onIq(Node iq) {
        String type = iq.attr("type", "");
        if ("set".equals(type) && iq.child("pair-device").isPresent() && registering) {
            pairing.onPairDevice(iq);
        } else if (PairSuccess.matches(iq) && registering) {
            pairing.onPairSuccess(iq);
        } else if ("get".equals(type) && "urn:xmpp:ping".equals(iq.attr("xmlns"))) {
            send(PairingStanzas.result(iq.attr("id", "")));
        } else if ("get".equals(type) || "set".equals(type)) {
            LOG.log(System.Logger.Level.DEBUG, "unhandled server iq " + iq);
        }
    }

    private void onNotification(Node notification) {
        String type = notification.attr("type", "");
        if ("link_code_companion_reg".equals(type) && registering) {
            pairing.onLinkCodeNotification(notification);
        } else if ("encrypt".equals(type)) {
            notification.child("count").map(count -> count.attr("value")).ifPresent(value -> {
                try {
                    login.onServerCount(Integer.parseInt(value));
                } catch (NumberFormatException e) {
                    LOG.log(System.Logger.Level.DEBUG, "bad pre-key count " + value);
                }
            });
        }
    }

    /**
     * Receipts for our statuses go to the listener unacked, with a callback that acks them
     * (docs/protocol.md, Receipts): the application acks after its commit, so a crash in between means redelivery,
     * not loss. A retry receipt for one of our statuses is answered with a re-send and acked after it
     * (docs/protocol.md, Retries). Every other receipt, and a status receipt that names no viewer (server-error …),
     * is acked at once.
     */
    private void onReceipt(Node receipt) {
        if (receipt.attr("id") == null) {
            return;
        }
        if (StatusRetryRequest.matches(receipt)) {
            client.retryReceipts().onRetryReceipt(this, receipt);
            return;
        }
        List<StatusReceipt> receipts = StatusReceipts.isStatusReceipt(receipt)
                ? StatusReceipts.parse(receipt, clock) : List.of();
        if (receipts.isEmpty()) {
            send(ClientStanzas.ack(receipt, ownDevice()));
            return;
        }
        Node ack = ClientStanzas.ack(receipt, ownDevice());
        AtomicBoolean acked = new AtomicBoolean();
        client.emit(new ClientEvent.StatusReceipts(receipts, () -> {
            if (acked.compareAndSet(false, true)) {
                send(ack);
            }
        }));
    }

    @Override
    public CompletableFuture<Node> query(Node iq) {
        return sendIq(iq);
    }

    @Override
    public CompletableFuture<MessageAck> sendMessage(Node message, Duration ackTimeout) {
        WaConnection current = connection;
        String id = message.attr("id");
        if (current == null || closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected"));
        }
        if (id == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a message needs an id"));
        }
        CompletableFuture<MessageAck> ack = messageAcks.expect(id, ackTimeout);
        current.send(message).whenComplete((sent, failure) -> {
            if (failure != null) {
                messageAcks.fail(id, failure);
            }
        });
        return ack;
    }

    @Override
    public void onClose(WaConnection from, CloseReason reason) {
        closed = true;
        messageAcks.failAll(new ConnectionClosedException(reason));
        pairing.stop();
        DisconnectReason why = ending != null ? ending : Disconnects.fromClose(reason);
        client.onSessionClosed(this, why);
    }

    /** Ends the connection with this reason; the first reason given wins. */
    void end(DisconnectReason reason) {
        synchronized (this) {
            if (ending == null) {
                ending = reason;
            }
        }
        WaConnection current = connection;
        if (current != null) {
            current.close();
        }
    }

    void send(Node node) {
        WaConnection current = connection;
        if (current != null) {
            current.send(node);
        }
    }

    CompletableFuture<Node> sendIq(Node iq) {
        WaConnection current = connection;
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected"));
        }
        return current.sendIq(iq);
    }

    CompletableFuture<String> requestNewPairingCode() {
        if (!registering || closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("no pairing connection is open"));
        }
        return pairing.requestCode();
    }

    boolean isOpen() {
        return !closed && connection != null && connection.isOpen();
    }

    boolean isLoggedIn() {
        return loggedIn && isOpen();
    }

    void markLoggedIn() {
        loggedIn = true;
    }

    /** A one-time pre-key for a retry receipt's keys: stored with its id counted, never uploaded
     * (docs/protocol.md, Retries). */
    PreKey freshPreKey() {
        return login.generate(1).get(0);
    }

    /** Our PN device JID, the {@code from} of message acks; null before pairing. */
    Jid ownDevice() {
        Me me = client.credentials().me();
        return me == null ? null : me.phoneNumber();
    }
}
