package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import java.util.Objects;

/**
 * Who posts: our own device under its phone number and its LID, and our ADVSignedDeviceIdentity (with the
 * accountSignatureKey) that goes beside every pkmsg as {@code <device-identity>} (docs/protocol.md, Signal).
 */
public record Poster(Jid phoneNumberDevice, Jid lidDevice, byte[] deviceIdentity) {
    public Poster {
        Objects.requireNonNull(phoneNumberDevice, "phoneNumberDevice");
        Objects.requireNonNull(lidDevice, "lidDevice");
        Objects.requireNonNull(deviceIdentity, "deviceIdentity");
        if (!phoneNumberDevice.isPhoneNumber() || !lidDevice.isLid()) {
            throw new IllegalArgumentException("poster needs a PN device JID and a LID device JID, got "
                    + phoneNumberDevice + " and " + lidDevice);
        }
        deviceIdentity = deviceIdentity.clone();
    }

    @Override
    public byte[] deviceIdentity() {
        return deviceIdentity.clone();
    }

    public Jid phoneNumberUser() {
        return phoneNumberDevice.withoutDevice();
    }

    public Jid lidUser() {
        return lidDevice.withoutDevice();
    }
}
