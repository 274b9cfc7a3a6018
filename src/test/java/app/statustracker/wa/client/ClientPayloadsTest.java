package app.statustracker.wa.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.XEdDsa;
import app.statustracker.wa.noise.CertificateChainVerifier;
import app.statustracker.wa.proto.ClientPayloadProtos.ClientPayload;
import app.statustracker.wa.proto.ClientPayloadProtos.ClientPayload.DevicePairingRegistrationData;
import app.statustracker.wa.proto.ClientPayloadProtos.DeviceProps;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ClientPayloadsTest {
    private final ClientConfig config = ClientConfig.defaults(URI.create("ws://127.0.0.1:1/ws/chat"),
            CertificateChainVerifier.whatsApp()).withVersion(ClientVersion.parse("2.3000.1045649367"));
    private final DeviceCredentials credentials = DeviceCredentials.generate(new SecureRandom());

    @Test
    void registrationCarriesTheKeysAndNoUser() throws Exception {
        ClientPayload payload = ClientPayloads.registration(credentials, config);
        assertFalse(payload.hasUsername());
        assertFalse(payload.hasDevice());
        assertFalse(payload.getPassive());
        assertFalse(payload.getPull());
        DevicePairingRegistrationData data = payload.getDevicePairingData();
        int regId = credentials.registrationId();
        assertArrayEquals(new byte[] {0, 0, (byte) (regId >> 8), (byte) regId}, data.getERegid().toByteArray());
        assertArrayEquals(new byte[] {5}, data.getEKeytype().toByteArray());
        assertArrayEquals(credentials.identityKey().publicKey(), data.getEIdent().toByteArray());
        assertArrayEquals(new byte[] {0, 0, 1}, data.getESkeyId().toByteArray());
        assertArrayEquals(credentials.signedPreKey().keyPair().publicKey(), data.getESkeyVal().toByteArray());
        assertTrue(XEdDsa.verify(credentials.identityKey().publicKey(),
                Curve25519.withTypePrefix(data.getESkeyVal().toByteArray()), data.getESkeySig().toByteArray()));
        // MD5("2.3000.1045649367") from Node's crypto (pairing-vectors.js)
        assertEquals("9fa53af9421567b114e33c9bb1ef7db2", HexFormat.of().formatHex(data.getBuildHash().toByteArray()));
        DeviceProps props = DeviceProps.parseFrom(data.getDeviceProps());
        assertEquals("Mac OS", props.getOs());
        assertEquals(DeviceProps.PlatformType.CHROME, props.getPlatformType());
        assertEquals(10240, props.getHistorySyncConfig().getStorageQuotaMb());
        assertUserAgent(payload);
    }

    @Test
    void loginNamesTheDeviceAndIsPassive() {
        DeviceCredentials paired = credentials.withPairing(
                new Me(Jid.of("15551234567", 3, Jid.USER_SERVER), Jid.of("100000012345678", 3, Jid.LID_SERVER), null),
                new byte[] {1}, "android");
        ClientPayload payload = ClientPayloads.forCredentials(paired, config);
        assertEquals(15551234567L, payload.getUsername());
        assertEquals(3, payload.getDevice());
        assertTrue(payload.getPassive());
        assertTrue(payload.getPull());
        assertFalse(payload.hasDevicePairingData());
        assertUserAgent(payload);
        assertThrows(IllegalStateException.class, () -> ClientPayloads.login(credentials, config));
    }

    private static void assertUserAgent(ClientPayload payload) {
        ClientPayload.UserAgent agent = payload.getUserAgent();
        assertEquals(ClientPayload.UserAgent.Platform.WEB, agent.getPlatform());
        assertEquals(2, agent.getAppVersion().getPrimary());
        assertEquals(3000, agent.getAppVersion().getSecondary());
        assertEquals(1045649367, agent.getAppVersion().getTertiary());
        assertEquals("000", agent.getMcc());
        assertEquals("Desktop", agent.getDevice());
        assertEquals(ClientPayload.WebInfo.WebSubPlatform.WEB_BROWSER, payload.getWebInfo().getWebSubPlatform());
        assertEquals(ClientPayload.ConnectType.WIFI_UNKNOWN, payload.getConnectType());
        assertEquals(ClientPayload.ConnectReason.USER_ACTIVATED, payload.getConnectReason());
    }

    @Test
    void credentialsAreWellFormed() {
        for (int i = 0; i < 50; i++) {
            DeviceCredentials fresh = DeviceCredentials.generate(new SecureRandom());
            assertTrue(fresh.registrationId() >= 1 && fresh.registrationId() <= 0x3FFF);
            assertTrue(fresh.signedPreKey().isSignedBy(fresh.identityKey().publicKey()));
            assertFalse(fresh.isRegistered());
        }
        assertThrows(IllegalArgumentException.class, () -> ClientVersion.parse("2.3000"));
    }
}
