package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code <notification type="devices" from="<user>">} with an {@code <add>}, {@code <remove>} or {@code <update>}
 * child (docs/protocol.md, Device lists): a contact linked or removed a device. We do not apply the change, we only
 * learn whose device list to ask for again; the users named are the sender and the owners of the devices listed.
 */
public final class DevicesNotification {
    private DevicesNotification() {
    }

    public static boolean matches(Node notification) {
        return "notification".equals(notification.tag()) && "devices".equals(notification.attr("type", ""));
    }

    /** Every user whose device list the notification says changed, without devices; empty when it names none. */
    public static Set<Jid> users(Node notification) {
        Set<Jid> users = new LinkedHashSet<>();
        Jid.tryParse(notification.attr("from")).filter(jid -> !jid.user().isEmpty())
                .ifPresent(jid -> users.add(jid.withoutDevice()));
        for (Node change : notification.children()) {
            for (Node device : change.children("device")) {
                Optional.ofNullable(device.attr("jid")).flatMap(Jid::tryParse).filter(jid -> !jid.user().isEmpty())
                        .ifPresent(jid -> users.add(jid.withoutDevice()));
            }
        }
        return users;
    }
}
