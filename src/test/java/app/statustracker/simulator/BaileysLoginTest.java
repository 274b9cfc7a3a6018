package app.statustracker.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.simulator.state.Account;
import jakarta.json.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Logins of a linked Baileys device (docs/protocol.md, Login and Simulator): a wrong Noise key fails 401, an unlinked
 * device is told 401 at once and refused afterwards, and a second connection of the device replaces the first (440).
 */
class BaileysLoginTest extends BaileysAgainstSimulator {
    @Test
    void aLoginWithAnotherNoiseKeyIsRefusedWith401() throws Exception {
        Account account = simulator.createAccount("15550002001");
        String auth = linking.linkByQrAndOpen(account.phoneNumber()).auth();
        String forged = baileys.call("forkAuthWithNewNoiseKey", Json.createObjectBuilder().add("auth", auth).build())
                .getString("auth");
        long before = simulator.journal().lastSequence();

        BaileysLinking.Socket impostor = linking.connect(forged);
        assertEquals(401, linking.awaitCloseCode(impostor));
        assertTrue(simulator.journal().since(before).stream()
                .anyMatch(s -> s.isOutbound() && "failure".equals(s.node().tag())
                        && "401".equals(s.node().attr("reason"))));
        assertTrue(simulator.onlineConnection(account.phoneNumber(), 1).isPresent(),
                "the real device's connection is untouched");
    }

    @Test
    void unlinkClosesTheDeviceWith401AndItsNextLoginFails() throws Exception {
        Account account = simulator.createAccount("15550002002");
        BaileysLinking.Socket socket = linking.linkByQrAndOpen(account.phoneNumber());
        String auth = socket.auth();
        int deviceId = account.devices().get(0).deviceId();
        assertTrue(simulator.onlineConnection(account.phoneNumber(), deviceId).isPresent());

        simulator.unlink(account.phoneNumber(), deviceId);
        assertEquals(401, linking.awaitCloseCode(socket));
        assertTrue(account.device(deviceId).isEmpty());

        BaileysLinking.Socket again = linking.connect(auth);
        assertEquals(401, linking.awaitCloseCode(again), "an unlinked device gets failure 401");
    }

    @Test
    void aSecondConnectionOfTheDeviceReplacesTheFirst() throws Exception {
        Account account = simulator.createAccount("15550002003");
        BaileysLinking.Socket first = linking.linkByQrAndOpen(account.phoneNumber());
        String auth = first.auth();
        int deviceId = account.devices().get(0).deviceId();

        BaileysLinking.Socket second = linking.connect(auth);
        linking.awaitOpen(second);
        assertEquals(440, linking.awaitCloseCode(first), "conflict replaced is Baileys' connectionReplaced");

        // the control function does the same to whichever connection is current
        Optional<String> kicked = simulator.kickDuplicate(account.phoneNumber(), deviceId);
        assertTrue(kicked.isPresent());
        assertEquals(440, linking.awaitCloseCode(second));
        assertTrue(simulator.awaitConnection(c -> c.id().equals(kicked.get()) && !c.isOpen(), BaileysLinking.WAIT)
                .isPresent());
        assertFalse(simulator.onlineConnection(account.phoneNumber(), deviceId).isPresent());
    }
}
