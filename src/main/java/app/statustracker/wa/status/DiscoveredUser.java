package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code <user>} of a usync answer (docs/protocol.md, Status stanza).
 *
 * @param user      the user JID as queried (PN or LID, no device)
 * @param lid       the user's LID from the {@code <lid val>} protocol, when the server gave one
 * @param deviceIds device ids that can be sent to: device 0 and companions with a {@code key-index}; hosted
 *                  devices left out
 * @param error     why the server could not answer for this user ({@code <error code text>}), when it could not
 */
public record DiscoveredUser(Jid user, Optional<Jid> lid, List<Integer> deviceIds, Optional<String> error) {
    public DiscoveredUser {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(lid, "lid");
        deviceIds = List.copyOf(deviceIds);
        Objects.requireNonNull(error, "error");
    }

    /** The device JIDs of this user under {@code account} (its LID or PN user JID). */
    public List<Jid> devicesOf(Jid account) {
        return deviceIds.stream().map(account::withDevice).toList();
    }
}
