package app.statustracker.wa.client;

import app.statustracker.wa.binary.Jid;
import java.util.Objects;

/**
 * Who this linked device is, as pair-success told it (docs/protocol.md, Pairing).
 *
 * @param phoneNumber PN device JID, e.g. {@code 15551234567:3@s.whatsapp.net}
 * @param lid         LID device JID, e.g. {@code 100000012345678:3@lid}; null until the server names it
 * @param name        business name from {@code <biz>}, or null
 */
public record Me(Jid phoneNumber, Jid lid, String name) {
    public Me {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        if (!phoneNumber.isPhoneNumber() || phoneNumber.device() == 0) {
            throw new IllegalArgumentException("me must be a companion PN device JID, got " + phoneNumber);
        }
        if (lid != null && !lid.isLid()) {
            throw new IllegalArgumentException("lid must be a @lid JID, got " + lid);
        }
    }

    public Me withLid(Jid newLid) {
        return new Me(phoneNumber, newLid, name);
    }
}
