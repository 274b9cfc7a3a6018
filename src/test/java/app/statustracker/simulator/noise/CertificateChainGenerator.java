package app.statustracker.simulator.noise;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.crypto.XEdDsa;
import app.statustracker.wa.proto.HandshakeProtos.CertChain;
import app.statustracker.wa.proto.HandshakeProtos.CertChain.NoiseCertificate;
import app.statustracker.wa.proto.HandshakeProtos.CertChain.NoiseCertificate.Details;
import com.google.protobuf.ByteString;
import java.time.Duration;
import java.time.Instant;

/**
 * Produces the simulator's Noise certificate chain as docs/protocol.md, Connection describes it:
 * root signs intermediate {serial 1, issuerSerial 0, valid now−1h … now+365d}, intermediate signs leaf
 * {serial 2, issuerSerial 1, key = server static, valid now−1h … now+30d}. issuerSerial 0 is encoded
 * explicitly (proto2 keeps a set zero: bytes {@code 10 00}) because Baileys refuses an absent one.
 *
 * <p>Every field can be overridden so tests can build the broken chains a client must refuse.
 */
public final class CertificateChainGenerator {
    private final Curve25519KeyPair root;
    private final byte[] serverStaticKey;
    private Curve25519KeyPair intermediate = Curve25519.generateKeyPair();
    private Instant now = Instant.now();
    private int intermediateSerial = 1;
    private Integer intermediateIssuerSerial = 0;
    private int leafSerial = 2;
    private Integer leafIssuerSerial;
    private Duration intermediateValidFor = Duration.ofDays(365);
    private Duration leafValidFor = Duration.ofDays(30);
    private Duration backdating = Duration.ofHours(1);
    private byte[] leafKey;

    /** @param serverStaticKey the public key the leaf certifies: the responder's static key */
    public CertificateChainGenerator(Curve25519KeyPair root, byte[] serverStaticKey) {
        this.root = root;
        this.serverStaticKey = serverStaticKey.clone();
    }

    public CertificateChainGenerator intermediateKeyPair(Curve25519KeyPair keyPair) {
        this.intermediate = keyPair;
        return this;
    }

    /** The moment validity windows are computed from. */
    public CertificateChainGenerator issuedAt(Instant instant) {
        this.now = instant;
        return this;
    }

    public CertificateChainGenerator intermediateSerial(int serial) {
        this.intermediateSerial = serial;
        return this;
    }

    /** null leaves the field out of the encoding entirely. */
    public CertificateChainGenerator intermediateIssuerSerial(Integer serial) {
        this.intermediateIssuerSerial = serial;
        return this;
    }

    public CertificateChainGenerator leafSerial(int serial) {
        this.leafSerial = serial;
        return this;
    }

    /** Defaults to the intermediate's serial. */
    public CertificateChainGenerator leafIssuerSerial(int serial) {
        this.leafIssuerSerial = serial;
        return this;
    }

    public CertificateChainGenerator validity(Duration backdating, Duration intermediateValidFor, Duration leafValidFor) {
        this.backdating = backdating;
        this.intermediateValidFor = intermediateValidFor;
        this.leafValidFor = leafValidFor;
        return this;
    }

    /** Certify some other key than the server static (defaults to the server static). */
    public CertificateChainGenerator leafKey(byte[] key) {
        this.leafKey = key.clone();
        return this;
    }

    public Curve25519KeyPair intermediateKeyPair() {
        return intermediate;
    }

    /** The serialized CertChain, ready to be the ServerHello payload. */
    public byte[] generate() {
        Details.Builder intermediateDetails = Details.newBuilder()
                .setSerial(intermediateSerial)
                .setKey(ByteString.copyFrom(intermediate.publicKey()))
                .setNotBefore(now.minus(backdating).getEpochSecond())
                .setNotAfter(now.plus(intermediateValidFor).getEpochSecond());
        if (intermediateIssuerSerial != null) {
            intermediateDetails.setIssuerSerial(intermediateIssuerSerial);
        }
        Details leafDetails = Details.newBuilder()
                .setSerial(leafSerial)
                .setIssuerSerial(leafIssuerSerial != null ? leafIssuerSerial : intermediateSerial)
                .setKey(ByteString.copyFrom(leafKey != null ? leafKey : serverStaticKey))
                .setNotBefore(now.minus(backdating).getEpochSecond())
                .setNotAfter(now.plus(leafValidFor).getEpochSecond())
                .build();
        return CertChain.newBuilder()
                .setIntermediate(signed(intermediateDetails.build().toByteArray(), root))
                .setLeaf(signed(leafDetails.toByteArray(), intermediate))
                .build().toByteArray();
    }

    private static NoiseCertificate signed(byte[] details, Curve25519KeyPair signer) {
        return NoiseCertificate.newBuilder()
                .setDetails(ByteString.copyFrom(details))
                .setSignature(ByteString.copyFrom(XEdDsa.sign(signer.privateKey(), details)))
                .build();
    }
}
