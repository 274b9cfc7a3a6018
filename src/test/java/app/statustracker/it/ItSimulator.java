package app.statustracker.it;

import app.statustracker.simulator.SimulatorConfig;
import app.statustracker.simulator.WaSimulator;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import java.util.HexFormat;

/**
 * The WhatsApp simulator the deployed server talks to: on the loopback port the build reserved and with the
 * fixed test root whose public key the server was given (WA_ENDPOINT, WA_ROOT_PUBLIC_KEY in the pom).
 */
final class ItSimulator {
    private static WaSimulator instance;

    private ItSimulator() {
    }

    static synchronized WaSimulator get() {
        if (instance == null) {
            int port = Integer.parseInt(System.getProperty("st.sim.port"));
            Curve25519KeyPair root = Curve25519KeyPair.fromPrivateKey(
                    HexFormat.of().parseHex(System.getProperty("st.sim.rootPrivateKey")));
            instance = WaSimulator.start(new SimulatorConfig(port, root));
        }
        return instance;
    }
}
