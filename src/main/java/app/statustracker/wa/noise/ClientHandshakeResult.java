package app.statustracker.wa.noise;

/**
 * What the client has once it processed the ServerHello: the ClientFinish message to send as the next
 * frame, and the transport ciphers for everything after it.
 *
 * @param clientFinish    serialized {@code HandshakeMessage{clientFinish}}, the payload of the next frame
 * @param sending         encrypts client → server frames
 * @param receiving       decrypts server → client frames
 * @param serverStaticKey the server's static public key, certified by the verified chain
 */
public record ClientHandshakeResult(byte[] clientFinish, TransportCipher sending, TransportCipher receiving,
                                    byte[] serverStaticKey) {
    public ClientHandshakeResult {
        clientFinish = clientFinish.clone();
        serverStaticKey = serverStaticKey.clone();
    }

    @Override
    public byte[] clientFinish() {
        return clientFinish.clone();
    }

    @Override
    public byte[] serverStaticKey() {
        return serverStaticKey.clone();
    }
}
