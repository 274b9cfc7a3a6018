package app.statustracker.simulator.relay;

import app.statustracker.simulator.state.DeviceAddress;
import app.statustracker.wa.binary.Node;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the server remembers of one {@code <message>} a device sent (docs/protocol.md, Simulator: the message
 * log): who sent it, to whom, in which addressing mode, how it was acked, and which devices it was handed to. Receipts,
 * retries and revokes are routed with it.
 */
public final class RelayedMessage {
    /** A status post or revoke, a 1:1 message, or a sender's retry resend of a status to one device
     * (docs/protocol.md, Retries). */
    public enum Kind { STATUS, DIRECT, RETRY_RESEND }

    /**
     * One hand-over to a device (to its connection or its offline queue).
     *
     * @param encType the type of the per-device {@code <enc>} it got (pkmsg/msg), null when it got only the skmsg
     */
    public record Delivery(DeviceAddress device, String encType) {
    }

    private final String id;
    private final Kind kind;
    private final DeviceAddress sender;
    private final AddressingMode mode;
    private final long serverTime;
    private final List<String> audience;
    private final Node stanza;
    private final String ackError;
    private final boolean ackDropped;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile boolean settled;

    public RelayedMessage(String id, Kind kind, DeviceAddress sender, AddressingMode mode, long serverTime,
                          List<String> audience, Node stanza, String ackError, boolean ackDropped) {
        this.id = id;
        this.kind = kind;
        this.sender = sender;
        this.mode = mode;
        this.serverTime = serverTime;
        this.audience = List.copyOf(audience);
        this.stanza = stanza;
        this.ackError = ackError;
        this.ackDropped = ackDropped;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public DeviceAddress sender() {
        return sender;
    }

    public AddressingMode mode() {
        return mode;
    }

    /** The server's {@code t} (unix seconds) in the ack and on every delivered copy. */
    public long serverTime() {
        return serverTime;
    }

    /** Phone numbers of the audience accounts, in the order their {@code <to>} entries came. */
    public List<String> audience() {
        return audience;
    }

    /** The stanza as the sender sent it. */
    public Node stanza() {
        return stanza;
    }

    public String type() {
        return stanza.attr("type");
    }

    /** {@code edit} as sent: "7" for a sender revoke (docs/protocol.md, Revoke), null for a plain post. */
    public String edit() {
        return stanza.attr("edit");
    }

    /** The error the sender's ack carried; the message was then refused and delivered to nobody. */
    public String ackError() {
        return ackError;
    }

    public boolean refused() {
        return ackError != null;
    }

    /** True when a fault swallowed the ack (the message was still relayed). */
    public boolean ackDropped() {
        return ackDropped;
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public void delivered(DeviceAddress device, String encType) {
        deliveries.add(new Delivery(device, encType));
    }

    /** True once the server has acked it and handed it to every device it goes to (see {@link MessageLog#settled}). */
    public boolean settled() {
        return settled;
    }

    void settle() {
        settled = true;
    }

    @Override
    public String toString() {
        return kind + " " + id + " from " + sender + " (" + mode + ") to " + audience
                + (refused() ? " refused " + ackError : " delivered " + deliveries);
    }
}
