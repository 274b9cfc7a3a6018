package app.statustracker.wa.client;

import app.statustracker.simulator.WaSimulator;
import app.statustracker.wa.client.ClientEvent.LoggedIn;
import app.statustracker.wa.noise.CertificateChainVerifier;
import app.statustracker.wa.transport.TransportOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** What the client tests against the in-JVM simulator share: a config trusting it, quick transport, a QR link. */
final class SimulatorLinking {
    private SimulatorLinking() {
    }

    /** The client's defaults, pointed at the simulator and trusting its root. */
    static ClientConfig config(WaSimulator simulator) {
        return ClientConfig.defaults(simulator.wsUrl(),
                new CertificateChainVerifier(simulator.rootPublicKey(), 0, Clock.systemUTC()));
    }

    /** Short iq timeout and keep-alive, so that a test notices a dead connection within seconds. */
    static TransportOptions quickTransport() {
        return TransportOptions.defaults().withIqTimeout(Duration.ofSeconds(5))
                .withKeepAlive(Duration.ofMillis(500), Duration.ofSeconds(2));
    }

    /**
     * Links a fresh client to {@code phone}'s account by QR (the simulated phone scans the first code, the server
     * restarts the stream with 515) and logs it in again, as after pairing (docs/protocol.md, Pairing).
     */
    static LoggedIn linkByQr(WaClient client, WaSimulator simulator, String phone, RecordingClientListener events,
                             Duration wait) throws Exception {
        client.connect().get(10, TimeUnit.SECONDS);
        simulator.scanQr(phone, events.next(ClientEvent.QrCode.class, wait).data());
        events.await(ClientEvent.Disconnected.class, wait);
        client.connect().get(10, TimeUnit.SECONDS);
        return events.await(LoggedIn.class, wait);
    }
}
