package app.statustracker.simulator;

import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;

/**
 * How to start a {@link WaSimulator}.
 *
 * @param port    TCP port on 127.0.0.1; 0 picks a free one
 * @param rootKey the certificate root; clients must be given its public key. Fixed keys let a standalone
 *                simulator and the service under test agree across restarts.
 */
public record SimulatorConfig(int port, Curve25519KeyPair rootKey) {

    /** A free port and a fresh root. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(0, Curve25519.generateKeyPair());
    }
}
