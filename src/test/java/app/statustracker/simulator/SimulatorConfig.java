package app.statustracker.simulator;

import app.statustracker.simulator.media.MediaHostSettings;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import java.util.Objects;

/**
 * How to start a {@link WaSimulator}.
 *
 * @param port               TCP port on 127.0.0.1; 0 picks a free one
 * @param rootKey            the certificate root; clients must be given its public key. Fixed keys let a
 *                           standalone simulator and the service under test agree across restarts.
 * @param preKeyCountFloor   the {@code <count value>} answer is never below this. The default, 5, makes a
 *                           fresh Baileys upload 5 keys instead of 812 (it uploads when the count is ≤ 5)
 *                           and whatsmeow none (it uploads when < 5); 0 reports the true count, for tests
 *                           of the initial 812-key upload.
 * @param media              the media host and the media_conn answers that point clients at it
 */
public record SimulatorConfig(int port, Curve25519KeyPair rootKey, int preKeyCountFloor, MediaHostSettings media) {
    public static final int DEFAULT_PRE_KEY_COUNT_FLOOR = 5;

    public SimulatorConfig {
        if (preKeyCountFloor < 0) {
            throw new IllegalArgumentException("preKeyCountFloor must be ≥ 0");
        }
        Objects.requireNonNull(media, "media");
    }

    /** Default media settings; kept so that callers from before the media host still compile. */
    public SimulatorConfig(int port, Curve25519KeyPair rootKey, int preKeyCountFloor) {
        this(port, rootKey, preKeyCountFloor, MediaHostSettings.defaults());
    }

    public SimulatorConfig(int port, Curve25519KeyPair rootKey) {
        this(port, rootKey, DEFAULT_PRE_KEY_COUNT_FLOOR);
    }

    /** A free port and a fresh root. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(0, Curve25519.generateKeyPair());
    }

    public SimulatorConfig withPreKeyCountFloor(int floor) {
        return new SimulatorConfig(port, rootKey, floor, media);
    }

    public SimulatorConfig withMedia(MediaHostSettings settings) {
        return new SimulatorConfig(port, rootKey, preKeyCountFloor, settings);
    }
}
