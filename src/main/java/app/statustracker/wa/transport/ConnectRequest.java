package app.statustracker.wa.transport;

import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.noise.CertificateChainVerifier;
import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What one connection needs besides the shared resources of a {@link WaConnector}.
 *
 * @param endpoint      {@code wss://web.whatsapp.com/ws/chat}, or the simulator's {@code ws://127.0.0.1:…/ws/chat}
 * @param noiseKey      the companion's persistent Noise static key pair (its login credential)
 * @param verifier      checks the server's certificate chain (WhatsApp's root, or the simulator's)
 * @param clientPayload serialized ClientPayload, asked for only once the server is authenticated
 */
public record ConnectRequest(URI endpoint, Curve25519KeyPair noiseKey, CertificateChainVerifier verifier,
                             Supplier<byte[]> clientPayload) {
    public ConnectRequest {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(noiseKey, "noiseKey");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(clientPayload, "clientPayload");
    }
}
