package app.statustracker.simulator;

import app.statustracker.testing.BaileysDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the tests in which the pinned Baileys talks to an in-JVM simulator: one simulator and one Node driver
 * per test class. With CI=true a missing Node fails the class (BaileysDriver), it never skips.
 */
abstract class BaileysAgainstSimulator {
    static BaileysDriver baileys;
    static WaSimulator simulator;
    static BaileysLinking linking;

    @BeforeAll
    static void startBaileysAndSimulator() {
        BaileysDriver.assumeAvailable();
        simulator = WaSimulator.start();
        baileys = BaileysDriver.start();
        linking = new BaileysLinking(baileys, simulator);
    }

    @AfterAll
    static void stopBaileysAndSimulator() {
        if (baileys != null) {
            baileys.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }
}
