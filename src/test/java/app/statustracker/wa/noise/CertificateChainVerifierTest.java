package app.statustracker.wa.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.simulator.noise.CertificateChainGenerator;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.proto.HandshakeProtos.CertChain;
import app.statustracker.wa.proto.HandshakeProtos.CertChain.NoiseCertificate;
import com.google.protobuf.ByteString;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CertificateChainVerifierTest {
    private static final Instant NOW = Instant.parse("2026-08-21T12:00:00Z");

    private final Curve25519KeyPair root = Curve25519.generateKeyPair();
    private final byte[] serverStatic = Curve25519.generateKeyPair().publicKey();

    private CertificateChainGenerator chain() {
        return new CertificateChainGenerator(root, serverStatic).issuedAt(NOW);
    }

    private CertificateChainVerifier verifierAt(Instant instant) {
        return new CertificateChainVerifier(root.publicKey(), 0, Clock.fixed(instant, ZoneOffset.UTC));
    }

    private String rejection(byte[] certChain, Instant at) {
        return assertThrows(CertificateRejectedException.class, () -> verifierAt(at).verify(certChain, serverStatic))
                .getMessage();
    }

    @Test
    void acceptsTheSimulatorChain() {
        assertDoesNotThrow(() -> verifierAt(NOW).verify(chain().generate(), serverStatic));
    }

    @Test
    void intermediateIssuerSerialZeroIsEncodedExplicitly() throws Exception {
        byte[] details = CertChain.parseFrom(chain().generate()).getIntermediate().getDetails().toByteArray();
        assertTrue(indexOf(details, new byte[] {0x10, 0x00}) >= 0, "Baileys needs bytes 10 00 for issuerSerial = 0");
    }

    @Test
    void wrongRootKey() {
        CertificateChainVerifier other = new CertificateChainVerifier(Curve25519.generateKeyPair().publicKey(), 0,
                Clock.fixed(NOW, ZoneOffset.UTC));
        CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
                () -> other.verify(chain().generate(), serverStatic));
        assertEquals("server certificate: intermediate not signed by the configured root key", e.getMessage());
    }

    @Test
    void tamperedSignatures() throws Exception {
        CertChain good = CertChain.parseFrom(chain().generate());
        byte[] leafTampered = good.toBuilder().setLeaf(flipSignatureBit(good.getLeaf())).build().toByteArray();
        assertEquals("server certificate: leaf not signed by the intermediate key", rejection(leafTampered, NOW));
        byte[] interTampered = good.toBuilder().setIntermediate(flipSignatureBit(good.getIntermediate())).build().toByteArray();
        assertEquals("server certificate: intermediate not signed by the configured root key", rejection(interTampered, NOW));
    }

    @Test
    void tamperedDetailsBreakTheSignature() throws Exception {
        CertChain good = CertChain.parseFrom(chain().generate());
        byte[] details = good.getLeaf().getDetails().toByteArray();
        details[details.length - 1] ^= 1;
        byte[] tampered = good.toBuilder().setLeaf(good.getLeaf().toBuilder().setDetails(ByteString.copyFrom(details)))
                .build().toByteArray();
        assertEquals("server certificate: leaf not signed by the intermediate key", rejection(tampered, NOW));
    }

    @Test
    void validityWindows() {
        byte[] certChain = chain().generate();
        assertEquals("server certificate: leaf certificate expired at " + NOW.plus(Duration.ofDays(30)),
                rejection(certChain, NOW.plus(Duration.ofDays(30)).plusSeconds(1)));
        assertDoesNotThrow(() -> verifierAt(NOW.plus(Duration.ofDays(30))).verify(certChain, serverStatic),
                "the last second is still valid, as in whatsmeow");
        assertEquals("server certificate: intermediate certificate not valid before " + NOW.minus(Duration.ofHours(1)),
                rejection(certChain, NOW.minus(Duration.ofHours(2))));
        byte[] shortIntermediate = chain().validity(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(30)).generate();
        assertEquals("server certificate: intermediate certificate expired at " + NOW.plus(Duration.ofDays(1)),
                rejection(shortIntermediate, NOW.plus(Duration.ofDays(2))));
    }

    @Test
    void leafKeyMustBeTheServerStatic() {
        byte[] certChain = chain().leafKey(Curve25519.generateKeyPair().publicKey()).generate();
        assertEquals("server certificate: leaf key does not match the server's static key", rejection(certChain, NOW));
    }

    @Test
    void serials() {
        assertEquals("server certificate: intermediate issuer serial 7 is not the root serial 0",
                rejection(chain().intermediateIssuerSerial(7).generate(), NOW));
        assertEquals("server certificate: leaf issuer serial 5 is not the intermediate serial 1",
                rejection(chain().leafIssuerSerial(5).generate(), NOW));
        byte[] rootSerial7 = chain().intermediateIssuerSerial(7).generate();
        assertDoesNotThrow(() -> new CertificateChainVerifier(root.publicKey(), 7, Clock.fixed(NOW, ZoneOffset.UTC))
                .verify(rootSerial7, serverStatic), "root serial is configurable");
        assertDoesNotThrow(() -> verifierAt(NOW).verify(chain().intermediateIssuerSerial(null).generate(), serverStatic),
                "absent issuerSerial reads as 0, as in whatsmeow");
    }

    @Test
    void missingPartsAndBadShapes() throws Exception {
        CertChain good = CertChain.parseFrom(chain().generate());
        assertEquals("server certificate: leaf certificate or its details/signature missing",
                rejection(good.toBuilder().clearLeaf().build().toByteArray(), NOW));
        assertEquals("server certificate: intermediate certificate or its details/signature missing",
                rejection(good.toBuilder().setIntermediate(good.getIntermediate().toBuilder().clearSignature())
                        .build().toByteArray(), NOW));
        byte[] shortSignature = Arrays.copyOf(good.getLeaf().getSignature().toByteArray(), 63);
        assertEquals("server certificate: leaf signature is 63 bytes, expected 64",
                rejection(good.toBuilder().setLeaf(good.getLeaf().toBuilder()
                        .setSignature(ByteString.copyFrom(shortSignature))).build().toByteArray(), NOW));
        assertEquals("server certificate: not a CertChain protobuf", rejection(new byte[] {(byte) 0x0A, 0x05}, NOW));
    }

    @Test
    void defaultIsWhatsAppsRoot() {
        assertArrayEquals(java.util.HexFormat.of().parseHex("142375574d0a587166aae71ebe516437c4a28b73e3695c6ce1f7f9545da8ee6b"),
                CertificateChainVerifier.WHATSAPP_ROOT_PUBLIC_KEY);
        assertEquals("server certificate: intermediate not signed by the configured root key",
                assertThrows(CertificateRejectedException.class,
                        () -> CertificateChainVerifier.whatsApp().verify(chain().generate(), serverStatic)).getMessage());
    }

    private static NoiseCertificate flipSignatureBit(NoiseCertificate certificate) {
        byte[] signature = certificate.getSignature().toByteArray();
        signature[10] ^= 1;
        return certificate.toBuilder().setSignature(ByteString.copyFrom(signature)).build();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
