package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.OnlineDevices;
import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.state.Account;
import app.statustracker.simulator.state.Accounts;
import app.statustracker.simulator.state.DeviceAddress;
import app.statustracker.wa.binary.Node;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Ending a device's presence on the server (docs/protocol.md, Login): unlinking it (the phone removed it, or it
 * logged itself out) and replacing its connection by another login of the same device.
 */
public final class DeviceRemoval {
    private final Accounts accounts;
    private final OnlineDevices online;

    public DeviceRemoval(Accounts accounts, OnlineDevices online) {
        this.accounts = accounts;
        this.online = online;
    }

    /**
     * Forgets the device and its keys; an open connection gets {@code <stream:error code="401"><conflict
     * type="device_removed"/>} and is closed. Its next login fails with 401 (the device is unknown).
     */
    public void unlink(DeviceAddress address) {
        Account account = accounts.find(address.phoneNumber())
                .orElseThrow(() -> new NoSuchElementException("no account " + address.phoneNumber()));
        account.removeDevice(address.deviceId())
                .orElseThrow(() -> new NoSuchElementException("no device " + address));
        online.get(address).ifPresent(connection -> connection.endStream(Stanzas.streamError("401",
                Node.builder("conflict").attr("type", "device_removed").build()), "device removed"));
        online.remove(address);
    }

    /**
     * What another login of the same device does to the current connection: {@code <stream:error><conflict
     * type="replaced"/>} without a code (Baileys maps it to 440), then close. Returns the connection kicked.
     */
    public Optional<SimConnection> replace(DeviceAddress address) {
        Optional<SimConnection> current = online.get(address);
        current.ifPresent(connection -> {
            // no longer the device's connection from now on, though its socket closes a moment later
            online.remove(address, connection);
            kickAsReplaced(connection);
        });
        return current;
    }

    static void kickAsReplaced(SimConnection connection) {
        connection.endStream(Stanzas.streamError(null, Node.builder("conflict").attr("type", "replaced").build()),
                "replaced by a newer login");
    }
}
