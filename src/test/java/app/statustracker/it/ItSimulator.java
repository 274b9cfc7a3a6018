package app.statustracker.it;

import app.statustracker.simulator.SimulatorConfig;
import app.statustracker.simulator.WaSimulator;
import app.statustracker.simulator.media.MediaHostSettings;
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
            // the media host presents the run's CA, which the server was told to trust (WA_EXTRA_CA_FILE)
            instance = WaSimulator.start(new SimulatorConfig(port, root)
                    .withMedia(MediaHostSettings.defaults().withCa(ItMediaCa.get())));
        }
        return instance;
    }
}
