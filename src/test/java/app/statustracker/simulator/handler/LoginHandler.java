package app.statustracker.simulator.handler;

import app.statustracker.simulator.connection.RecordedClientPayload;
import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.state.Account;
import app.statustracker.simulator.state.Accounts;
import app.statustracker.simulator.state.RegisteredDevice;
import app.statustracker.wa.binary.Node;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;

/**
 * A login payload (§14.2): a known device whose Noise key matches gets {@code <success t lid>}; anything
 * else gets {@code <failure reason="401"/>} and the server closes — Baileys reports close 401 [RUN].
 * Offline queues, replaced connections and the post-login queries come with the login issue.
 */
public final class LoginHandler implements PayloadHandler {
    private final Accounts accounts;

    public LoginHandler(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void onPayload(SimConnection connection, RecordedClientPayload payload) {
        Optional<Account> account = accounts.find(Long.toUnsignedString(payload.payload().getUsername()));
        int deviceId = payload.payload().getDevice();
        Optional<RegisteredDevice> device = account.flatMap(found -> found.device(deviceId))
                .filter(known -> MessageDigest.isEqual(known.noiseKey(), payload.clientStaticKey()));
        if (device.isEmpty()) {
            connection.send(Node.builder("failure").attr("reason", "401").build());
            connection.closeAfterPendingSends(1000, "logged out");
            return;
        }
        // Baileys overwrites me.lid with undefined when lid is missing, so it is always sent (§3.2)
        connection.send(Node.builder("success")
                .attr("t", Long.toString(Instant.now().getEpochSecond()))
                .attr("lid", account.get().lidJid(deviceId))
                .build());
    }
}
