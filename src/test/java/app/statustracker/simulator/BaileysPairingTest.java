package app.statustracker.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.simulator.journal.SeenStanza;
import app.statustracker.simulator.pairing.PairingAttempt;
import app.statustracker.simulator.state.Account;
import app.statustracker.simulator.state.RegisteredDevice;
import app.statustracker.wa.crypto.XEdDsa;
import app.statustracker.wa.proto.AdvProtos.ADVSignedDeviceIdentity;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The pinned Baileys links to the simulated phone by QR and by pairing code (docs/protocol.md, Pairing), gets 515, is
 * logged in again on the same creds by the harness and reaches {@code open} with its LID (docs/protocol.md, Login).
 */
class BaileysPairingTest extends BaileysAgainstSimulator {
    @Test
    void linksByQrThenLogsInWithTheSameCredsAndOpensWithLid() throws Exception {
        Account account = simulator.createAccount("15550001001");
        BaileysLinking.Socket registering = linking.connect(null);
        PairingAttempt attempt = simulator.scanQr(account.phoneNumber(), linking.awaitQr(registering));
        assertEquals(PairingAttempt.Method.QR, attempt.method());

        assertEquals(515, linking.awaitCloseCode(registering), "pairing ends with restart required");
        RegisteredDevice device = attempt.await(BaileysLinking.WAIT);
        assertEquals(PairingAttempt.State.LINKED, attempt.state());
        JsonObject paired = linking.creds(registering.auth());
        assertEquals(account.pnJid(device.deviceId()), paired.getJsonObject("me").getString("id"));
        assertEquals(account.lidJid(device.deviceId()), paired.getJsonObject("me").getString("lid"));
        assertEquals("android", paired.getString("platform"));
        assertArrayEquals(HexFormat.of().parseHex(paired.getString("noiseKey")), device.noiseKey());
        assertArrayEquals(HexFormat.of().parseHex(paired.getString("identityKey")), device.identityKey());
        assertStoredIdentityVerifies(account, device);

        BaileysLinking.Socket login = linking.connect(registering.auth());
        linking.awaitOpen(login);
        JsonObject loggedIn = linking.creds(login.auth());
        assertEquals(account.lidJid(device.deviceId()), loggedIn.getJsonObject("me").getString("lid"),
                "success carried the LID, so Baileys kept me.lid");

        SimConnection connection = simulator.onlineConnection(account.phoneNumber(), device.deviceId()).orElseThrow();
        assertTrue(connection.refusals().isEmpty(), connection.refusals().toString());
        // Baileys saw a count of 5 (the floor) and uploaded 5 keys, which the server holds for the device
        assertEquals(5, device.preKeys().count());
        assertTrue(device.preKeys().signedPreKey().isPresent());
        assertEveryIqAnswered(connection);
        linking.disconnect(login);
    }

    @Test
    void linksByPairingCodeEvenAfterAWrongCodeWasTyped() throws Exception {
        Account account = simulator.createAccount("15550001002");
        BaileysLinking.Socket registering = linking.connect(null);
        linking.awaitQr(registering);
        String code = baileys.call("requestPairingCode", Json.createObjectBuilder()
                .add("handle", registering.handle()).add("phone", account.phoneNumber()).build()).getString("code");
        assertEquals(8, code.length());
        // Baileys' requestPairingCode returns once companion_hello is written, before the server has read it
        assertTrue(simulator.awaitStanza(s -> s.isOutbound() && s.isIq("result")
                && s.node().child("link_code_companion_reg").isPresent(), BaileysLinking.WAIT).isPresent());

        // a mistyped code fails at companion_finish; the code stays valid until replaced
        // (docs/decisions.md, "A pairing code is accepted with a dash")
        String wrong = (code.charAt(0) == 'Z' ? "Y" : "Z") + code.substring(1);
        PairingAttempt mistyped = simulator.enterPairingCode(account.phoneNumber(), wrong);
        try {
            mistyped.await(BaileysLinking.WAIT);
            throw new AssertionError("a wrong code must not link");
        } catch (app.statustracker.simulator.pairing.LinkRejectedException expected) {
            assertTrue(expected.getMessage().contains("does not decrypt"), expected.getMessage());
        }

        PairingAttempt attempt = simulator.enterPairingCode(account.phoneNumber(), code.substring(0, 4) + "-"
                + code.substring(4).toLowerCase());
        assertEquals(515, linking.awaitCloseCode(registering));
        RegisteredDevice device = attempt.await(BaileysLinking.WAIT);
        assertEquals(PairingAttempt.Method.CODE, attempt.method());
        assertStoredIdentityVerifies(account, device);

        BaileysLinking.Socket login = linking.connect(registering.auth());
        linking.awaitOpen(login);
        JsonObject me = linking.creds(login.auth()).getJsonObject("me");
        assertEquals(account.pnJid(device.deviceId()), me.getString("id"));
        assertEquals(account.lidJid(device.deviceId()), me.getString("lid"));
        linking.disconnect(login);
    }

    /** What the server keeps is Baileys' own device signature, valid under our XEdDSA. */
    private static void assertStoredIdentityVerifies(Account account, RegisteredDevice device) throws Exception {
        ADVSignedDeviceIdentity stored = ADVSignedDeviceIdentity.parseFrom(device.signedIdentity());
        byte[] details = stored.getDetails().toByteArray();
        byte[] message = new byte[2 + details.length + 64];
        message[0] = 6;
        message[1] = 1;
        System.arraycopy(details, 0, message, 2, details.length);
        System.arraycopy(device.identityKey(), 0, message, 2 + details.length, 32);
        System.arraycopy(account.identityKey().publicKey(), 0, message, 34 + details.length, 32);
        assertTrue(XEdDsa.verify(device.identityKey(), message, stored.getDeviceSignature().toByteArray()));
    }

    /** Every get/set iq Baileys sent on the connection has a result or error with its id (no 60 s stalls). */
    private static void assertEveryIqAnswered(SimConnection connection) {
        List<SeenStanza> stanzas = connection.stanzas();
        Set<String> answered = stanzas.stream().filter(SeenStanza::isOutbound)
                .filter(s -> s.isIq("result") || s.isIq("error")).map(s -> s.node().attr("id"))
                .collect(Collectors.toSet());
        List<String> unanswered = stanzas.stream().filter(SeenStanza::isInbound)
                .filter(s -> s.isIq("get") || s.isIq("set")).filter(s -> !answered.contains(s.node().attr("id")))
                .map(s -> s.node().toString()).toList();
        assertTrue(unanswered.isEmpty(), "unanswered: " + unanswered);
    }
}
