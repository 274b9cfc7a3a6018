package app.statustracker.wa.noise;

import app.statustracker.wa.crypto.XEdDsa;
import app.statustracker.wa.proto.HandshakeProtos.CertChain;
import app.statustracker.wa.proto.HandshakeProtos.CertChain.NoiseCertificate;
import app.statustracker.wa.proto.HandshakeProtos.CertChain.NoiseCertificate.Details;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Checks the server's Noise certificate chain (root → intermediate → leaf) the way whatsmeow's
 * verifyServerCert does — every row of the table in docs/protocol.md, Connection — rather than the way Baileys
 * does (it ignores signature results). Root key, root serial and clock are injectable so the same code
 * accepts the simulator's chain in tests and WhatsApp's in production.
 */
public final class CertificateChainVerifier {
    /** WhatsApp's long-term root ("WhatsAppLongTerm1"), from Baileys WA_CERT_DETAILS / whatsmeow WACertPubKey. */
    public static final byte[] WHATSAPP_ROOT_PUBLIC_KEY =
            HexFormat.of().parseHex("142375574d0a587166aae71ebe516437c4a28b73e3695c6ce1f7f9545da8ee6b");
    public static final int WHATSAPP_ROOT_SERIAL = 0;

    private static final String PREFIX = "server certificate: ";

    private final byte[] rootPublicKey;
    private final long rootSerial;
    private final Clock clock;

    public CertificateChainVerifier(byte[] rootPublicKey, int rootSerial, Clock clock) {
        if (rootPublicKey == null || rootPublicKey.length != 32) {
            throw new IllegalArgumentException("root public key must be 32 bytes");
        }
        this.rootPublicKey = rootPublicKey.clone();
        this.rootSerial = Integer.toUnsignedLong(rootSerial);
        this.clock = clock;
    }

    /** WhatsApp's real root, serial 0, the system clock. */
    public static CertificateChainVerifier whatsApp() {
        return new CertificateChainVerifier(WHATSAPP_ROOT_PUBLIC_KEY, WHATSAPP_ROOT_SERIAL, Clock.systemUTC());
    }

    /**
     * Accepts the serialized CertChain only if it is complete, correctly signed, current, and its leaf
     * certifies exactly the server static key the handshake decrypted.
     */
    public void verify(byte[] certChainBytes, byte[] serverStaticKey) throws CertificateRejectedException {
        CertChain chain = parse(certChainBytes);
        NoiseCertificate intermediate = chain.getIntermediate();
        NoiseCertificate leaf = chain.getLeaf();
        if (!chain.hasIntermediate() || !intermediate.hasDetails() || !intermediate.hasSignature()) {
            throw reject("intermediate certificate or its details/signature missing");
        }
        if (!chain.hasLeaf() || !leaf.hasDetails() || !leaf.hasSignature()) {
            throw reject("leaf certificate or its details/signature missing");
        }
        checkSignatureLength("intermediate", intermediate);
        checkSignatureLength("leaf", leaf);

        byte[] intermediateRaw = intermediate.getDetails().toByteArray();
        if (!XEdDsa.verify(rootPublicKey, intermediateRaw, intermediate.getSignature().toByteArray())) {
            throw reject("intermediate not signed by the configured root key");
        }
        Details intermediateDetails = parseDetails("intermediate", intermediateRaw);
        // An absent issuerSerial reads as 0, as in whatsmeow (GetIssuerSerial); Baileys would refuse it.
        if (Integer.toUnsignedLong(intermediateDetails.getIssuerSerial()) != rootSerial) {
            throw reject("intermediate issuer serial " + Integer.toUnsignedLong(intermediateDetails.getIssuerSerial())
                    + " is not the root serial " + rootSerial);
        }
        byte[] intermediateKey = intermediateDetails.getKey().toByteArray();
        if (intermediateKey.length != 32) {
            throw reject("intermediate key is " + intermediateKey.length + " bytes, expected 32");
        }
        byte[] leafRaw = leaf.getDetails().toByteArray();
        if (!XEdDsa.verify(intermediateKey, leafRaw, leaf.getSignature().toByteArray())) {
            throw reject("leaf not signed by the intermediate key");
        }
        checkValidity("intermediate", intermediateDetails);

        Details leafDetails = parseDetails("leaf", leafRaw);
        if (leafDetails.getIssuerSerial() != intermediateDetails.getSerial()) {
            throw reject("leaf issuer serial " + Integer.toUnsignedLong(leafDetails.getIssuerSerial())
                    + " is not the intermediate serial " + Integer.toUnsignedLong(intermediateDetails.getSerial()));
        }
        if (!MessageDigest.isEqual(leafDetails.getKey().toByteArray(), serverStaticKey)) {
            throw reject("leaf key does not match the server's static key");
        }
        checkValidity("leaf", leafDetails);
    }

    private static CertChain parse(byte[] bytes) throws CertificateRejectedException {
        try {
            return CertChain.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new CertificateRejectedException(PREFIX + "not a CertChain protobuf", e);
        }
    }

    private static Details parseDetails(String which, byte[] raw) throws CertificateRejectedException {
        try {
            return Details.parseFrom(raw);
        } catch (InvalidProtocolBufferException e) {
            throw new CertificateRejectedException(PREFIX + which + " details are not a Details protobuf", e);
        }
    }

    private static void checkSignatureLength(String which, NoiseCertificate certificate)
            throws CertificateRejectedException {
        int length = certificate.getSignature().size();
        if (length != XEdDsa.SIGNATURE_LENGTH) {
            throw reject(which + " signature is " + length + " bytes, expected 64");
        }
    }

    /** Inclusive window in unix seconds, like whatsmeow (valid at exactly notBefore and at exactly notAfter). */
    private void checkValidity(String which, Details details) throws CertificateRejectedException {
        long now = clock.instant().getEpochSecond();
        // uint64 on the wire; whatsmeow casts to int64, so a huge value becomes negative there too
        long notBefore = details.getNotBefore();
        long notAfter = details.getNotAfter();
        if (now < notBefore) {
            throw reject(which + " certificate not valid before " + describe(notBefore));
        }
        if (now > notAfter) {
            throw reject(which + " certificate expired at " + describe(notAfter));
        }
    }

    private static String describe(long epochSeconds) {
        boolean representable = epochSeconds >= Instant.MIN.getEpochSecond() && epochSeconds <= Instant.MAX.getEpochSecond();
        return representable ? Instant.ofEpochSecond(epochSeconds).toString() : epochSeconds + " (unix seconds)";
    }

    private static CertificateRejectedException reject(String reason) {
        return new CertificateRejectedException(PREFIX + reason);
    }
}
