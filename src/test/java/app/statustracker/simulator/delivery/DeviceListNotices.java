package app.statustracker.simulator.delivery;

import app.statustracker.simulator.connection.OnlineDevices;
import app.statustracker.simulator.state.Account;
import app.statustracker.simulator.state.DeviceAddress;
import app.statustracker.simulator.state.RegisteredDevice;
import app.statustracker.wa.binary.Node;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code <notification type="devices">} (docs/protocol.md, Device lists): when an account links or removes a
 * companion, every device that asked usync for that account's devices and is online hears of it, so that a client
 * caching device lists (Baileys, whatsmeow, ours) asks again. The shape is the phone-number form Baileys parses:
 * {@code from} the account's PN user, an {@code <add>} or {@code <remove>} with the device and its key index.
 * Devices offline at the time are not told later (WhatsApp would queue the notification; here a client relies on
 * its cache lifetime, which tests can shorten).
 */
public final class DeviceListNotices {
    private final OnlineDevices online;
    /* account phone number → devices that asked for its device list */
    private final Map<String, Set<DeviceAddress>> askers = new ConcurrentHashMap<>();

    public DeviceListNotices(OnlineDevices online) {
        this.online = online;
    }

    /** {@code asker} now knows {@code target}'s devices. */
    public void watch(DeviceAddress asker, Account target) {
        askers.computeIfAbsent(target.phoneNumber(), phone -> ConcurrentHashMap.newKeySet()).add(asker);
    }

    public void changed(Account account, boolean added, RegisteredDevice device) {
        Set<DeviceAddress> watching = askers.get(account.phoneNumber());
        if (watching == null) {
            return;
        }
        Node change = Node.builder(added ? "add" : "remove").children(Node.builder("device")
                .attr("jid", account.pnJid(device.deviceId())).attr("key-index", Integer.toString(device.keyIndex()))
                .build()).build();
        for (DeviceAddress asker : watching) {
            online.get(asker).ifPresent(connection -> connection.send(Node.builder("notification")
                    .attr("from", account.pnJid()).attr("type", "devices").attr("id", connection.newStanzaId())
                    .attr("t", Long.toString(Instant.now().getEpochSecond())).children(change).build()));
        }
    }
}
