package app.statustracker.wa.signal;

import app.statustracker.wa.binary.Jid;
import java.util.Objects;

/**
 * Whose Signal session or sender key a record is: libsignal's {@code (name, deviceId)} address. The name is the
 * JID user for phone-number JIDs and {@code user_1} for LIDs (docs/protocol.md, Signal; Baileys
 * jidToSignalProtocolAddress, whatsmeow JID.SignalAddress), so a PN and a LID of the same person never share one.
 */
public record SignalAddress(String name, int deviceId) {
    public SignalAddress {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.indexOf('.') >= 0 || name.indexOf(':') >= 0) {
            throw new IllegalArgumentException("signal address name must be non-empty without '.' or ':': " + name);
        }
        if (deviceId < 0 || deviceId > Jid.MAX_DEVICE) {
            throw new IllegalArgumentException("signal device out of range: " + deviceId);
        }
    }

    /** The address of a device JID: {@code 155500:2@s.whatsapp.net} → {@code 155500.2}, {@code 1000:2@lid} → {@code 1000_1.2}. */
    public static SignalAddress of(Jid device) {
        if (device.isPhoneNumber()) {
            return new SignalAddress(device.user(), device.device());
        }
        if (device.isLid()) {
            return new SignalAddress(device.user() + "_1", device.device());
        }
        throw new IllegalArgumentException("no Signal address for " + device);
    }

    /** libsignal's text form {@code name.deviceId}, used as the store key by Baileys and whatsmeow alike. */
    @Override
    public String toString() {
        return name + "." + deviceId;
    }
}
