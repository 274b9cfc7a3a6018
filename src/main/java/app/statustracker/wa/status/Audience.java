package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A resolved status audience, LID-first (docs/protocol.md, LID addressing): the recipients as asked for (phone number
 * and LID user) and the device ids of every LID user the stanza addresses, our own LID user included.
 */
public record Audience(List<PostedStatus.Recipient> recipients, Map<Jid, List<Integer>> devicesByLidUser) {
    public Audience {
        recipients = List.copyOf(recipients);
        Map<Jid, List<Integer>> copy = new LinkedHashMap<>();
        devicesByLidUser.forEach((user, ids) -> copy.put(Objects.requireNonNull(user), List.copyOf(ids)));
        devicesByLidUser = Collections.unmodifiableMap(copy);
    }

    /** The LID users addressed, in a stable order. */
    public List<Jid> lidUsers() {
        return List.copyOf(devicesByLidUser.keySet());
    }

    /** Every device to send to, as LID device JIDs, without {@code except} (our own sending device). */
    public List<Jid> devicesExcept(Jid except) {
        List<Jid> devices = new ArrayList<>();
        devicesByLidUser.forEach((user, ids) -> {
            for (int id : ids) {
                Jid device = user.withDevice(id);
                if (!device.equals(except)) {
                    devices.add(device);
                }
            }
        });
        return devices;
    }
}
