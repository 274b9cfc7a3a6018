package app.statustracker.simulator.noise;

import app.statustracker.wa.noise.TransportCipher;

/**
 * What the simulated server has after the client's ClientFinish.
 *
 * @param clientStaticKey the companion's noise key (identifies the device to the server)
 * @param clientPayload   the decrypted, still serialized ClientPayload (login or registration)
 * @param sending         encrypts server → client frames
 * @param receiving       decrypts client → server frames
 */
public record ResponderResult(byte[] clientStaticKey, byte[] clientPayload, TransportCipher sending,
                              TransportCipher receiving) {
    public ResponderResult {
        clientStaticKey = clientStaticKey.clone();
        clientPayload = clientPayload.clone();
    }

    @Override
    public byte[] clientStaticKey() {
        return clientStaticKey.clone();
    }

    @Override
    public byte[] clientPayload() {
        return clientPayload.clone();
    }
}
