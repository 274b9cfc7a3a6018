package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.OnlineDevices;
import app.statustracker.simulator.delivery.DeviceListNotices;
import app.statustracker.simulator.connection.RecordedClientPayload;
import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.pairing.CompanionLinker;
import app.statustracker.simulator.pairing.LinkCodeExchange;
import app.statustracker.simulator.relay.Relay;
import app.statustracker.simulator.state.Accounts;
import app.statustracker.wa.binary.Node;
import java.util.List;

/**
 * Routes what a connection receives: the ClientPayload to the registration or login handler, every later
 * stanza to the first handler that takes it. Handlers are tried in order, so specific ones (pairing,
 * pre-keys, usync, messages, receipts…) go before {@link FallbackIqHandler}, which answers any iq left.
 */
public final class StanzaDispatcher {
    private final PayloadHandler registration;
    private final PayloadHandler login;
    private final List<StanzaHandler> handlers;

    public StanzaDispatcher(PayloadHandler registration, PayloadHandler login, List<StanzaHandler> handlers) {
        this.registration = registration;
        this.login = login;
        this.handlers = List.copyOf(handlers);
    }

    /** The handlers the simulator runs; later issues insert theirs before the fallback. */
    public static StanzaDispatcher standard(Accounts accounts, OnlineDevices online, DeviceRemoval removal,
                                            CompanionLinker linker, LinkCodeExchange codes, int preKeyCountFloor,
                                            Relay relay, MediaConnHandler mediaConn, DeviceListNotices notices) {
        RetryResend retryResend = new RetryResend(relay);
        return new StanzaDispatcher(new RegistrationHandler(), new LoginHandler(accounts, online, relay.deliveries()),
                List.of(new PairingHandler(linker, codes), new IqAnswerHandler(), new PingHandler(),
                        new PreKeyHandler(accounts, preKeyCountFloor), new PreKeyBundleHandler(accounts),
                        new UsyncHandler(accounts, notices), new AccountQueryHandler(),
                        new RemoveCompanionHandler(removal), new StatusMessageHandler(relay, retryResend),
                        new DirectMessageHandler(relay, retryResend),
                        new ReceiptHandler(relay, new ReceiptRouter(relay)), new AckHandler(relay.deliveries()),
                        mediaConn, new FallbackIqHandler()));
    }

    public void onPayload(SimConnection connection, RecordedClientPayload payload) {
        (payload.isRegistration() ? registration : login).onPayload(connection, payload);
    }

    /** Non-iq stanzas nobody handles (presence, ib, ack…) are only journaled, which the simulator may do
     * (docs/protocol.md, Simulator). */
    public void onStanza(SimConnection connection, Node stanza) {
        for (StanzaHandler handler : handlers) {
            if (handler.handle(connection, stanza)) {
                return;
            }
        }
    }
}
