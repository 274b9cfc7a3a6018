package app.statustracker.simulator.delivery;

import app.statustracker.simulator.connection.OnlineDevices;
import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.state.DeviceAddress;
import app.statustracker.wa.binary.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the server owes each device (docs/protocol.md, Login and Simulator): a stanza for an online device
 * is written at once and kept as unacked; one for an offline device waits in its queue. Both kinds go out
 * again, each with {@code offline="1"}, right after the device's next {@code <success>} and before
 * {@code <ib><offline count/></ib>}, until the device acks them.
 *
 * <p>Each device's list is also its lock, so that a delivery cannot slip between a login's success and its
 * drained queue, nor be written to a connection that a login is replacing.
 */
public final class Deliveries {
    private final OnlineDevices online;
    private final Map<DeviceAddress, OwedStanzas> pending = new ConcurrentHashMap<>();

    public Deliveries(OnlineDevices online) {
        this.online = online;
    }

    /** Writes {@code stanza} to the device's connection, or queues it while the device is offline. */
    public void deliver(DeviceAddress device, Node stanza) {
        OwedStanzas owed = owed(device);
        synchronized (owed) {
            SimConnection connection = online.get(device).orElse(null);
            if (connection != null) {
                connection.send(stanza);
            }
            owed.add(new PendingStanza(stanza, connection == null ? null : connection.id()));
        }
    }

    /** Forgets every stanza {@code ack} acknowledges; false when it matched none. */
    public boolean acked(DeviceAddress device, Node ack) {
        OwedStanzas owed = owed(device);
        synchronized (owed) {
            return owed.removeAckedBy(ack);
        }
    }

    /**
     * Forgets the messages a receipt from the device names: Baileys rc14 sends no {@code <ack>} for a message
     * it decrypted, only the delivery receipt [RUN], so a receipt acknowledges the message as an ack would.
     */
    public boolean receiptFor(DeviceAddress device, List<String> messageIds) {
        OwedStanzas owed = owed(device);
        synchronized (owed) {
            return owed.removeIf(entry -> "message".equals(entry.stanza().tag())
                    && messageIds.contains(entry.stanza().attr("id")));
        }
    }

    /**
     * Runs a login of {@code device} under its lock: {@code login} makes the connection current and returns
     * the stanzas to send before the queue (success); then everything owed follows with {@code offline="1"},
     * then {@code <ib><offline count="N"/></ib>}, all in one write. Returns N.
     */
    public int login(DeviceAddress device, SimConnection connection, Supplier<List<Node>> login) {
        OwedStanzas owed = owed(device);
        synchronized (owed) {
            List<Node> out = new ArrayList<>(login.get());
            List<PendingStanza> resent = new ArrayList<>();
            for (PendingStanza entry : owed.inOrder()) {
                out.add(entry.forRedelivery());
                resent.add(entry.sentOn(connection.id()));
            }
            owed.replaceAll(resent);
            // Baileys flushes its buffered events only on ib/offline, so it follows even with nothing queued
            // (docs/protocol.md, Login)
            out.add(Node.builder("ib").attr("from", "@s.whatsapp.net")
                    .children(Node.builder("offline").attr("count", Integer.toString(resent.size())).build())
                    .build());
            connection.sendTogether(out);
            return resent.size();
        }
    }

    /** What the device has not acked yet: queued ones and ones written to a connection, oldest first. */
    public List<PendingStanza> pending(DeviceAddress device) {
        OwedStanzas owed = owed(device);
        synchronized (owed) {
            return List.copyOf(owed.inOrder());
        }
    }

    private OwedStanzas owed(DeviceAddress device) {
        return pending.computeIfAbsent(device, key -> new OwedStanzas());
    }
}
