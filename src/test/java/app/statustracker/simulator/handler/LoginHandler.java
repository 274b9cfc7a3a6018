package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.OnlineDevices;
import app.statustracker.simulator.connection.RecordedClientPayload;
import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.delivery.Deliveries;
import app.statustracker.simulator.state.Account;
import app.statustracker.simulator.state.Accounts;
import app.statustracker.simulator.state.DeviceAddress;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.proto.ClientPayloadProtos.ClientPayload;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A login payload (docs/protocol.md, Simulator): username and device must name a linked companion whose stored Noise
 * key is the one the client proved in the handshake; then an older connection of that device is replaced, and the
 * client gets {@code <success t lid>}, everything still owed to it (queued while offline or sent but not
 * acked, each with {@code offline="1"}) and {@code <ib><offline count="N"/></ib>}. Anything else gets
 * {@code <failure reason="401"/>} and the server closes — Baileys reports close 401 [RUN].
 */
public final class LoginHandler implements PayloadHandler {
    private final Accounts accounts;
    private final OnlineDevices online;
    private final Deliveries deliveries;

    public LoginHandler(Accounts accounts, OnlineDevices online, Deliveries deliveries) {
        this.accounts = accounts;
        this.online = online;
        this.deliveries = deliveries;
    }

    @Override
    public void onPayload(SimConnection connection, RecordedClientPayload payload) {
        ClientPayload login = payload.payload();
        // a payload with username but no device (Baileys after an unfinished code pairing, docs/protocol.md, Pairing)
        // is refused
        Optional<Account> account = login.hasUsername() && login.hasDevice()
                ? accounts.find(Long.toUnsignedString(login.getUsername())) : Optional.empty();
        int deviceId = login.getDevice();
        boolean known = account.flatMap(found -> found.device(deviceId))
                .filter(device -> MessageDigest.isEqual(device.noiseKey(), payload.clientStaticKey()))
                .isPresent();
        if (!known) {
            connection.refuse("login of " + (login.hasUsername() ? Long.toUnsignedString(login.getUsername()) : "?")
                    + ":" + (login.hasDevice() ? deviceId : "?") + " with an unknown device or Noise key");
            connection.send(Node.builder("failure").attr("reason", "401").build());
            connection.closeAfterPendingSends(1000, "logged out");
            return;
        }
        DeviceAddress address = new DeviceAddress(account.get().phoneNumber(), deviceId);
        // under the device's delivery lock, so nothing relayed meanwhile can overtake success or the queue
        deliveries.login(address, connection, () -> {
            online.put(address, connection).ifPresent(DeviceRemoval::kickAsReplaced);
            connection.loggedIn(address);
            // Baileys overwrites me.lid with undefined when lid is missing, so it is always sent
            // (docs/protocol.md, Login)
            return List.of(Node.builder("success")
                    .attr("t", Long.toString(Instant.now().getEpochSecond()))
                    .attr("lid", account.get().lidJid(deviceId))
                    .build());
        });
    }
}
