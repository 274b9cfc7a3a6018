package app.statustracker.simulator.connection;

import app.statustracker.simulator.state.DeviceAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which connection each logged-in device currently has. A device has at most one: a newer login replaces
 * the older connection (docs/protocol.md, Login conflict "replaced").
 */
public final class OnlineDevices {
    private final Map<DeviceAddress, SimConnection> current = new ConcurrentHashMap<>();

    /** Makes {@code connection} the device's current one and returns the one it replaces, if still open. */
    public Optional<SimConnection> put(DeviceAddress device, SimConnection connection) {
        SimConnection previous = current.put(device, connection);
        return Optional.ofNullable(previous).filter(old -> old != connection && old.isOpen());
    }

    /** The device's open connection, if any. */
    public Optional<SimConnection> get(DeviceAddress device) {
        return Optional.ofNullable(current.get(device)).filter(SimConnection::isOpen);
    }

    public void remove(DeviceAddress device) {
        current.remove(device);
    }

    /** Forgets {@code connection} as the device's current one (unless a newer login already took its place). */
    public void remove(DeviceAddress device, SimConnection connection) {
        current.remove(device, connection);
    }
}
