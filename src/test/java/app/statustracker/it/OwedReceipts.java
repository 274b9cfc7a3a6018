package app.statustracker.it;

import app.statustracker.simulator.WaSimulator;
import app.statustracker.simulator.delivery.PendingStanza;
import app.statustracker.wa.binary.Node;
import java.util.List;

/** The viewer receipts about one status that the simulator still owes a poster's device (not acked yet). */
final class OwedReceipts {
    private OwedReceipts() {
    }

    static List<PendingStanza> of(WaSimulator sim, String poster, int device, String statusId) {
        return sim.pendingStanzas(poster, device).stream().filter(p -> about(p.stanza(), statusId)).toList();
    }

    /** A receipt stanza about the status, in either shape (A: its id; B: a {@code <participants message_id>}). */
    static boolean about(Node stanza, String statusId) {
        return stanza.tag().equals("receipt") && (statusId.equals(stanza.attr("id"))
                || stanza.children("participants").stream().anyMatch(p -> statusId.equals(p.attr("message_id"))));
    }
}
