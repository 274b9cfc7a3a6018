package app.statustracker.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.statustracker.simulator.pairing.PairingAttempt;
import app.statustracker.testing.BaileysDriver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Predicate;

/**
 * Steps the Baileys tests repeat: open a Baileys socket against the simulator (new device or an existing
 * auth state), wait for its connection updates, and link a fresh device by QR.
 */
public final class BaileysLinking {
    static final Duration WAIT = Duration.ofSeconds(20);

    private final BaileysDriver baileys;
    private final WaSimulator simulator;

    /** A Baileys socket: its driver handle and the auth state it runs on. */
    public record Socket(String handle, String auth) {
    }

    public BaileysLinking(BaileysDriver baileys, WaSimulator simulator) {
        this.baileys = baileys;
        this.simulator = simulator;
    }

    /** A new device (fresh creds), or another socket for the device of {@code auth} when not null. */
    Socket connect(String auth) {
        var arguments = Json.createObjectBuilder().add("url", simulator.wsUrl().toString())
                .add("rootPublicKey", HexFormat.of().formatHex(simulator.rootPublicKey()));
        if (auth != null) {
            arguments.add("auth", auth);
        }
        JsonObject result = baileys.call("connect", arguments.build());
        return new Socket(result.getString("handle"), result.getString("auth"));
    }

    JsonObject awaitUpdate(Socket socket, Predicate<JsonObject> matches) {
        return baileys.awaitEvent("connection.update",
                data -> socket.handle().equals(data.getString("handle")) && matches.test(data), WAIT);
    }

    String awaitQr(Socket socket) {
        return awaitUpdate(socket, data -> data.containsKey("qr")).getString("qr");
    }

    JsonObject awaitOpen(Socket socket) {
        return awaitUpdate(socket, data -> "open".equals(data.getString("connection", "")));
    }

    /** The close update; its statusCode is Baileys' DisconnectReason. */
    int awaitCloseCode(Socket socket) {
        return awaitUpdate(socket, data -> "close".equals(data.getString("connection", "")))
                .getInt("statusCode", -1);
    }

    JsonObject creds(String auth) {
        return baileys.call("creds", Json.createObjectBuilder().add("auth", auth).build());
    }

    /** Links a new Baileys device to {@code phoneNumber} by QR and logs it in; returns the open socket. */
    Socket linkByQrAndOpen(String phoneNumber) throws Exception {
        Socket registering = connect(null);
        PairingAttempt attempt = simulator.scanQr(phoneNumber, awaitQr(registering));
        assertEquals(515, awaitCloseCode(registering));
        attempt.await(WAIT);
        Socket login = connect(registering.auth());
        awaitOpen(login);
        return login;
    }

    void disconnect(Socket socket) {
        baileys.call("disconnect", Json.createObjectBuilder().add("handle", socket.handle()).build());
    }
}
