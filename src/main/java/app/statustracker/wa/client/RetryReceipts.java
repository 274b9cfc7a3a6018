package app.statustracker.wa.client;

import app.statustracker.wa.binary.MalformedNodeException;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.status.StatusRetryRequest;

/**
 * Retry receipts for our statuses (docs/protocol.md, Retries): a viewer device could not decrypt one and asks again.
 * The status sender re-sends it to that device pairwise; the receipt is acked once that is done (or was refused),
 * so a receipt that arrives while we cannot answer it is not redelivered forever. Statuses sent before a restart
 * are not answered unless the application persists {@link StatusStores#recentStatuses()}.
 */
final class RetryReceipts {
    private static final System.Logger LOG = System.getLogger(RetryReceipts.class.getName());

    private final WaClient client;
    private final DeviceSignal signal;

    RetryReceipts(WaClient client, DeviceSignal signal) {
        this.client = client;
        this.signal = signal;
    }

    void onRetryReceipt(ClientSession session, Node receipt) {
        Node ack = ClientStanzas.ack(receipt, session.ownDevice());
        DeviceCredentials credentials = client.credentials();
        if (signal == null || !credentials.isRegistered() || credentials.me().lid() == null) {
            session.send(ack);
            return;
        }
        StatusRetryRequest request;
        try {
            request = StatusRetryRequest.parse(receipt);
        } catch (MalformedNodeException e) {
            LOG.log(System.Logger.Level.DEBUG, "malformed retry receipt: " + e.getMessage());
            session.send(ack);
            return;
        }
        signal.statusSender(credentials).resend(session, DeviceSignal.poster(credentials), request)
                .whenComplete((answered, failure) -> {
                    if (failure != null) {
                        LOG.log(System.Logger.Level.WARNING, "could not re-send status " + request.messageId()
                                + " to " + request.device() + ": " + failure);
                    } else if (!answered) {
                        LOG.log(System.Logger.Level.DEBUG, "retry for status " + request.messageId() + " from "
                                + request.device() + " not answered");
                    }
                    session.send(ack);
                });
    }
}
