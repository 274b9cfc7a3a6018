package app.statustracker.simulator;

import app.statustracker.simulator.control.ControlHttpServer;
import app.statustracker.simulator.media.MediaHostSettings;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;

/**
 * The simulator as its own process, for REST tests and benchmarks against a running service. Prints its
 * WebSocket URL, root public key and control URL, then runs until killed. From the project directory:
 * <pre>
 * ./mvnw -B -q test-compile exec:exec -DskipFuzz -Dskip.npm=true -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-cp %classpath app.statustracker.simulator.SimulatorMain --port 0 --control-port 0"
 * </pre>
 * Options: {@code --port N} (WebSocket, 0 = free), {@code --control-port N} (HTTP control, 0 = free),
 * {@code --root-private-key HEX} (32 bytes; a fixed root lets a restarted service keep trusting it),
 * {@code --prekey-count-floor N} (lowest pre-key count reported, default 5; 0 = the true count),
 * {@code --media-port N} (HTTPS media host, 0 = free), {@code --media-ttl S} and {@code --media-auth-ttl S}
 * (media_conn ttl / auth_ttl in seconds, defaults 300 / 21600). The service under test must trust the CA file
 * printed as {@code media-ca-file} (WA_EXTRA_CA_FILE) to upload to the media host.
 */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = 0;
        int controlPort = 0;
        Curve25519KeyPair root = null;
        int preKeyCountFloor = SimulatorConfig.DEFAULT_PRE_KEY_COUNT_FLOOR;
        MediaHostSettings media = MediaHostSettings.defaults();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(required(args[i], value));
                case "--control-port" -> controlPort = Integer.parseInt(required(args[i], value));
                case "--root-private-key" -> root = Curve25519KeyPair.fromPrivateKey(
                        HexFormat.of().parseHex(required(args[i], value)));
                case "--prekey-count-floor" -> preKeyCountFloor = Integer.parseInt(required(args[i], value));
                case "--media-port" -> media = media.withPort(Integer.parseInt(required(args[i], value)));
                case "--media-ttl" -> media = media.withTtl(
                        Duration.ofSeconds(Long.parseLong(required(args[i], value))), media.authTtl());
                case "--media-auth-ttl" -> media = media.withTtl(media.ttl(),
                        Duration.ofSeconds(Long.parseLong(required(args[i], value))));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --port, --control-port, --root-private-key, --prekey-count-floor,"
                        + " --media-port, --media-ttl, --media-auth-ttl)");
            }
            i++;
        }
        WaSimulator simulator = WaSimulator.start(new SimulatorConfig(port,
                root != null ? root : Curve25519.generateKeyPair(), preKeyCountFloor, media));
        ControlHttpServer control = new ControlHttpServer(simulator, controlPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            control.close();
            simulator.close();
            stopped.countDown();
        }));
        // one line each, easy for a script or a test to parse
        System.out.println("simulator ws-url=" + simulator.wsUrl());
        System.out.println("simulator root-public-key=" + HexFormat.of().formatHex(simulator.rootPublicKey()));
        System.out.println("simulator control-url=http://127.0.0.1:" + control.port());
        System.out.println("simulator media-host=" + simulator.mediaHostname());
        System.out.println("simulator media-ca-file=" + simulator.mediaCaFile());
        System.out.flush();
        stopped.await();
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
