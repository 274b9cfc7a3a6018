package app.statustracker.wa.noise;

/**
 * The server's Noise certificate chain failed one of the checks whatsmeow makes (docs/protocol.md, Connection); the
 * message names the check, e.g. "server certificate: intermediate not signed by the configured root key".
 */
public class CertificateRejectedException extends HandshakeFailedException {
    public CertificateRejectedException(String message) {
        super(message);
    }

    public CertificateRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
