package app.statustracker.simulator.pairing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.simulator.WaSimulator;
import app.statustracker.simulator.connection.SimConnection;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.crypto.XEdDsa;
import app.statustracker.wa.noise.CertificateChainVerifier;
import app.statustracker.wa.proto.AdvProtos.ADVSignedDeviceIdentity;
import app.statustracker.wa.proto.AdvProtos.ADVSignedDeviceIdentityHMAC;
import app.statustracker.wa.proto.ClientPayloadProtos.ClientPayload;
import app.statustracker.wa.proto.ClientPayloadProtos.ClientPayload.DevicePairingRegistrationData;
import app.statustracker.wa.transport.CloseReason;
import app.statustracker.wa.transport.ConnectRequest;
import app.statustracker.wa.transport.ConnectionListener;
import app.statustracker.wa.transport.TransportOptions;
import app.statustracker.wa.transport.WaConnection;
import app.statustracker.wa.transport.WaConnector;
import com.google.protobuf.ByteString;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A hand-made companion over our own transport answers pair-success with a device signature that does not
 * verify: the simulator must refuse the link (stream:error 401), not register the device, and say why.
 */
class StrictLinkingTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aTamperedDeviceSignatureIsRefusedEndToEnd() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (WaSimulator simulator = WaSimulator.start()) {
            String phone = "15550004001";
            simulator.createAccount(phone);
            Curve25519KeyPair noise = Curve25519.generateKeyPair();
            Curve25519KeyPair identity = Curve25519.generateKeyPair();
            Curve25519KeyPair signedPreKey = Curve25519.generateKeyPair();
            byte[] advSecret = LinkCodeCrypto.random(32);
            byte[] registration = ClientPayload.newBuilder().setPassive(false).setDevicePairingData(
                    DevicePairingRegistrationData.newBuilder()
                            .setERegid(ByteString.copyFrom(new byte[] {0, 0, 0x12, 0x34}))
                            .setEKeytype(ByteString.copyFrom(new byte[] {5}))
                            .setEIdent(ByteString.copyFrom(identity.publicKey()))
                            .setESkeyId(ByteString.copyFrom(new byte[] {0, 0, 1}))
                            .setESkeyVal(ByteString.copyFrom(signedPreKey.publicKey()))
                            .setESkeySig(ByteString.copyFrom(XEdDsa.sign(identity.privateKey(),
                                    Curve25519.withTypePrefix(signedPreKey.publicKey())))))
                    .build().toByteArray();

            BlockingQueue<Node> received = new LinkedBlockingQueue<>();
            WaConnection companion = new WaConnector(HttpClient.newHttpClient(), scheduler, TransportOptions.defaults())
                    .connect(new ConnectRequest(simulator.wsUrl(), noise,
                            new CertificateChainVerifier(simulator.rootPublicKey(), 0, Clock.systemUTC()),
                            () -> registration), new ConnectionListener() {
                        @Override
                        public void onNode(WaConnection connection, Node node) {
                            received.add(node);
                        }

                        @Override
                        public void onClose(WaConnection connection, CloseReason reason) {
                        }
                    }).get(10, TimeUnit.SECONDS);

            Node pairDevice = next(received, "iq");
            companion.send(Node.builder("iq").attr("to", "@s.whatsapp.net").attr("type", "result")
                    .attr("id", pairDevice.attr("id")).build());
            String ref = new String(pairDevice.children().get(0).children().get(0).contentBytes(),
                    StandardCharsets.US_ASCII);
            Base64.Encoder b64 = Base64.getEncoder();
            PairingAttempt attempt = simulator.scanQr(phone, "https://wa.me/settings/linked_devices#" + ref + ","
                    + b64.encodeToString(noise.publicKey()) + "," + b64.encodeToString(identity.publicKey()) + ","
                    + b64.encodeToString(advSecret) + ",1");

            Node pairSuccess = next(received, "iq");
            Node deviceIdentity = pairSuccess.requireChild("pair-success").requireChild("device-identity");
            ADVSignedDeviceIdentity signed = ADVSignedDeviceIdentity.parseFrom(
                    ADVSignedDeviceIdentityHMAC.parseFrom(deviceIdentity.contentBytes()).getDetails());
            byte[] message = AdvIdentityIssuer.deviceSignatureMessage(signed.getDetails().toByteArray(),
                    identity.publicKey(), signed.getAccountSignatureKey().toByteArray());
            byte[] signature = XEdDsa.sign(identity.privateKey(), message);
            signature[10] ^= 0x40;
            byte[] answer = signed.toBuilder().clearAccountSignatureKey()
                    .setDeviceSignature(ByteString.copyFrom(signature)).build().toByteArray();
            companion.send(Node.builder("iq").attr("to", "@s.whatsapp.net").attr("type", "result")
                    .attr("id", pairSuccess.attr("id"))
                    .children(Node.builder("pair-device-sign").children(Node.builder("device-identity")
                            .attr("key-index", deviceIdentity.attr("key-index")).bytes(answer).build()).build())
                    .build());

            LinkRejectedException refused = assertThrows(LinkRejectedException.class, () -> attempt.await(WAIT));
            assertTrue(refused.getMessage().contains("deviceSignature does not verify"), refused.getMessage());
            assertEquals("401", next(received, "stream:error").attr("code"));
            assertTrue(simulator.account(phone).devices().isEmpty());
            SimConnection server = simulator.connection(attempt.connectionId());
            assertTrue(server.refusals().stream().anyMatch(r -> r.startsWith("pair-device-sign")), server.refusals()
                    .toString());
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static Node next(BlockingQueue<Node> received, String tag) throws InterruptedException {
        Node node = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (node == null || !tag.equals(node.tag())) {
            throw new AssertionError("expected <" + tag + ">, got " + node);
        }
        return node;
    }
}
