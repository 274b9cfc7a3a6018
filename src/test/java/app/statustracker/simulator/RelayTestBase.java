package app.statustracker.simulator;

import app.statustracker.wa.binary.Node;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh simulator per test plus raw devices over the project's own transport, closed after the test. */
abstract class RelayTestBase {
    private static final AtomicInteger IDS = new AtomicInteger();

    WaSimulator simulator;
    private final HttpClient http = HttpClient.newHttpClient();
    private ScheduledExecutorService scheduler;
    private final List<RawDevice> devices = new ArrayList<>();

    @BeforeEach
    void startSimulator() {
        simulator = WaSimulator.start();
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stopSimulator() {
        devices.forEach(RawDevice::close);
        simulator.close();
        scheduler.shutdownNow();
    }

    RawDevice device(String phone, int deviceId, int oneTimeKeys) {
        RawDevice device = new RawDevice(simulator, http, scheduler, phone, deviceId, oneTimeKeys);
        devices.add(device);
        return device;
    }

    RawDevice online(String phone, int deviceId) throws Exception {
        RawDevice device = device(phone, deviceId, 0);
        device.login();
        return device;
    }

    /** {@code <message to="status@broadcast" type="text">} with the given {@code <to>} entries and an skmsg. */
    static Node status(String id, List<Node> to) {
        return Node.builder("message").attr("id", id).attr("to", "status@broadcast").attr("type", "text")
                .children(Node.builder("participants").children(to).build(), enc("skmsg", 9)).build();
    }

    static Node to(String jid) {
        return Node.builder("to").attr("jid", jid).build();
    }

    static Node to(String jid, String encType, int fill) {
        return Node.builder("to").attr("jid", jid).children(enc(encType, fill)).build();
    }

    static Node enc(String type, int fill) {
        byte[] bytes = new byte[16];
        java.util.Arrays.fill(bytes, (byte) fill);
        return Node.builder("enc").attr("v", "2").attr("type", type).bytes(bytes).build();
    }

    static String newId() {
        return "3EB0TEST" + IDS.incrementAndGet();
    }

    static boolean isAck(Node node, String id) {
        return "ack".equals(node.tag()) && id.equals(node.attr("id"));
    }
}
