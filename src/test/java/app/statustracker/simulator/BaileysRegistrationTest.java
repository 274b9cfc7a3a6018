package app.statustracker.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.simulator.connection.RecordedClientPayload;
import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.wa.crypto.XEdDsa;
import app.statustracker.wa.proto.ClientPayloadProtos.ClientPayload;
import app.statustracker.wa.proto.ClientPayloadProtos.ClientPayload.DevicePairingRegistrationData;
import app.statustracker.wa.proto.ClientPayloadProtos.DeviceProps;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The pinned Baileys, unmodified, against the simulator: Noise handshake, registration payload, QR. */
class BaileysRegistrationTest extends BaileysAgainstSimulator {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @Test
    void registrationPayloadDecodesFieldByFieldAndBaileysShowsAQr() throws Exception {
        String handle = baileys.call("connect", Json.createObjectBuilder()
                .add("url", simulator.wsUrl().toString())
                .add("rootPublicKey", HexFormat.of().formatHex(simulator.rootPublicKey()))
                .build()).getString("handle");

        SimConnection connection = simulator.awaitConnection(c -> c.payload().isPresent(), WAIT)
                .orElseThrow(() -> new AssertionError("Baileys never finished the handshake"));
        assertEquals("https://web.whatsapp.com", connection.origin());
        assertEquals(Boolean.TRUE, connection.introArrivedWithFirstFrame().orElseThrow());
        RecordedClientPayload recorded = connection.payload().orElseThrow();
        ClientPayload payload = recorded.payload();

        assertTrue(recorded.isRegistration());
        assertTrue(payload.hasPassive());
        assertFalse(payload.getPassive());
        assertFalse(payload.getPull());
        assertFalse(payload.hasUsername());
        assertEquals(ClientPayload.ConnectType.WIFI_UNKNOWN, payload.getConnectType());
        assertEquals(ClientPayload.ConnectReason.USER_ACTIVATED, payload.getConnectReason());
        assertEquals(ClientPayload.WebInfo.WebSubPlatform.WEB_BROWSER, payload.getWebInfo().getWebSubPlatform());

        ClientPayload.UserAgent agent = payload.getUserAgent();
        assertEquals(ClientPayload.UserAgent.Platform.WEB, agent.getPlatform());
        assertEquals(2, agent.getAppVersion().getPrimary());
        assertEquals(3000, agent.getAppVersion().getSecondary());
        assertTrue(agent.getAppVersion().getTertiary() > 0);
        assertEquals("000", agent.getMcc());
        assertEquals("Desktop", agent.getDevice());
        assertEquals("en", agent.getLocaleLanguageIso6391());

        DevicePairingRegistrationData pairing = payload.getDevicePairingData();
        assertEquals(4, pairing.getERegid().size());
        assertArrayEquals(new byte[] {0x05}, pairing.getEKeytype().toByteArray());
        assertEquals(32, pairing.getEIdent().size());
        assertEquals(3, pairing.getESkeyId().size());
        assertEquals(32, pairing.getESkeyVal().size());
        assertEquals(64, pairing.getESkeySig().size());
        byte[] signed = new byte[33];
        signed[0] = 0x05;
        pairing.getESkeyVal().copyTo(signed, 1);
        assertTrue(XEdDsa.verify(pairing.getEIdent().toByteArray(), signed, pairing.getESkeySig().toByteArray()),
                "signed pre-key signature verifies with our XEdDSA over 0x05 ‖ eSkeyVal");

        // buildHash = MD5 of "2.3000.<build>" (docs/protocol.md, Login)
        String version = "2.3000." + Integer.toUnsignedString(agent.getAppVersion().getTertiary());
        assertArrayEquals(MessageDigest.getInstance("MD5").digest(version.getBytes(StandardCharsets.US_ASCII)),
                pairing.getBuildHash().toByteArray());
        DeviceProps props = recorded.deviceProps();
        assertEquals("Ubuntu", props.getOs());
        assertEquals(DeviceProps.PlatformType.CHROME, props.getPlatformType());
        assertEquals(10240, props.getHistorySyncConfig().getStorageQuotaMb());

        // the pair-device iq yields the first QR, built from the first ref (docs/protocol.md, Pairing)
        JsonObject qr = baileys.awaitEvent("connection.update",
                data -> handle.equals(data.getString("handle")) && data.containsKey("qr"), WAIT);
        String expectedPrefix = "https://wa.me/settings/linked_devices#" + connection.pairingRefs().get(0) + ",";
        assertTrue(qr.getString("qr").startsWith(expectedPrefix), qr.getString("qr"));
        assertTrue(qr.getString("qr").endsWith(",1"), "Chrome is platform id 1: " + qr.getString("qr"));

        // Baileys acked the pair-device iq, and no iq it sent went unanswered
        String pairId = connection.stanzas().stream().filter(s -> s.isOutbound() && s.isIq("set"))
                .findFirst().orElseThrow().node().attr("id");
        assertTrue(simulator.awaitStanza(s -> s.connectionId().equals(connection.id()) && s.isInbound()
                && s.isIq("result") && pairId.equals(s.node().attr("id")), WAIT).isPresent());

        baileys.call("disconnect", Json.createObjectBuilder().add("handle", handle).build());
        JsonObject closed = baileys.awaitEvent("connection.update",
                data -> handle.equals(data.getString("handle")) && "close".equals(data.getString("connection", "")), WAIT);
        assertTrue(closed.containsKey("connection"));
        assertTrue(simulator.awaitConnection(c -> c.id().equals(connection.id()) && !c.isOpen(), WAIT).isPresent());
    }
}
