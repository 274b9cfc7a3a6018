package app.statustracker.simulator.relay;

import app.statustracker.simulator.state.DeviceAddress;
import java.util.List;

/**
 * A viewer receipt the server routed to a poster (docs/protocol.md, Simulator), or injected by a test.
 *
 * @param messageId    the status id it is about (one record per id of a receipt with a {@code <list>})
 * @param viewer       the viewer's device, or device 0 for an injected receipt
 * @param viewerJid    the viewer as the poster's devices were told ({@code participant} / {@code user jid})
 * @param type         the receipt type as sent: null for delivery, "inactive", "read", "played", "retry"…
 * @param time         the {@code t} given to the poster (unix seconds)
 * @param shape        the shape sent (retry receipts are always per viewer)
 * @param injected     true when a test made it up through the control API
 * @param stanzaId     the {@code id} of the stanza the poster's devices got (the status id in shape A)
 * @param deliveredTo  the poster devices it was handed to (connection or offline queue)
 */
public record RelayedReceipt(String messageId, DeviceAddress viewer, String viewerJid, String type, long time,
                             ReceiptShape shape, boolean injected, String stanzaId, List<DeviceAddress> deliveredTo) {
    public RelayedReceipt {
        deliveredTo = List.copyOf(deliveredTo);
    }
}
