package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.state.DeviceAddress;
import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * {@code <iq xmlns="md" type="set"><remove-companion-device jid reason/></iq>} (docs/protocol.md, Login): a logged-in
 * device logs out itself or another companion of its own account. Answered, then the device is unlinked.
 */
public final class RemoveCompanionHandler implements StanzaHandler {
    private final DeviceRemoval removal;

    public RemoveCompanionHandler(DeviceRemoval removal) {
        this.removal = removal;
    }

    @Override
    public boolean handle(SimConnection connection, Node stanza) {
        Optional<Node> remove = stanza.child("remove-companion-device");
        if (!Stanzas.isQuery(stanza, "set", "md", null) || remove.isEmpty()) {
            return false;
        }
        Optional<DeviceAddress> self = connection.device();
        Optional<Jid> target = Jid.tryParse(remove.get().attr("jid", ""));
        if (self.isEmpty() || target.isEmpty() || !target.get().isPhoneNumber()
                || !target.get().user().equals(self.get().phoneNumber()) || target.get().device() == 0) {
            connection.refuse("remove-companion-device of " + remove.get().attr("jid") + " by " + self.orElse(null));
            connection.send(Stanzas.error(stanza, 403, "forbidden"));
            return true;
        }
        connection.send(Stanzas.result(stanza));
        try {
            removal.unlink(new DeviceAddress(target.get().user(), target.get().device()));
        } catch (NoSuchElementException e) {
            // already gone: the answer stands, as removing twice is harmless
        }
        return true;
    }
}
