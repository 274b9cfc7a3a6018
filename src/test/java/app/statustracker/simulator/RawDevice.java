package app.statustracker.simulator;

import app.statustracker.simulator.state.Account;
import app.statustracker.simulator.state.DevicePreKeys;
import app.statustracker.simulator.state.PreKey;
import app.statustracker.simulator.state.RegisteredDevice;
import app.statustracker.simulator.state.SignedPreKey;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.crypto.XEdDsa;
import app.statustracker.wa.noise.CertificateChainVerifier;
import app.statustracker.wa.proto.ClientPayloadProtos.ClientPayload;
import app.statustracker.wa.transport.CloseReason;
import app.statustracker.wa.transport.ConnectRequest;
import app.statustracker.wa.transport.ConnectionListener;
import app.statustracker.wa.transport.TransportOptions;
import app.statustracker.wa.transport.WaConnection;
import app.statustracker.wa.transport.WaConnector;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A companion the test registers straight into an account (no pairing) and drives stanza by stanza over the
 * project's own transport: it logs in, sends raw nodes and sees every node the simulator pushes. For relay
 * checks Baileys cannot reach (refusals, shape B, redelivery bookkeeping).
 */
final class RawDevice implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(5);

    final Account account;
    final RegisteredDevice device;
    private final Curve25519KeyPair noiseKey;
    private final WaSimulator simulator;
    private final WaConnector connector;
    private final BlockingQueue<Node> received = new LinkedBlockingQueue<>();
    private volatile WaConnection connection;
    private volatile String serverSideId;

    /** Registers device {@code deviceId} (key index = id) with an identity, a signed pre-key and one-time keys 1..n. */
    RawDevice(WaSimulator simulator, HttpClient http, ScheduledExecutorService scheduler, String phone, int deviceId,
              int oneTimeKeys) {
        this.simulator = simulator;
        this.account = simulator.createAccount(phone);
        this.noiseKey = Curve25519.generateKeyPair();
        Curve25519KeyPair identity = Curve25519.generateKeyPair();
        Curve25519KeyPair signed = Curve25519.generateKeyPair();
        DevicePreKeys keys = new DevicePreKeys();
        List<PreKey> oneTime = java.util.stream.IntStream.rangeClosed(1, oneTimeKeys)
                .mapToObj(id -> new PreKey(id, Curve25519.generateKeyPair().publicKey())).toList();
        keys.store(oneTime, new SignedPreKey(7, signed.publicKey(),
                XEdDsa.sign(identity.privateKey(), Curve25519.withTypePrefix(signed.publicKey()))));
        this.device = new RegisteredDevice(deviceId, noiseKey.publicKey(), identity.publicKey(), 100 + deviceId,
                deviceId, null, keys);
        account.addDevice(device);
        this.connector = new WaConnector(http, scheduler, new TransportOptions(WAIT, WAIT, Duration.ofSeconds(3),
                Duration.ofMinutes(10), WAIT, Duration.ofSeconds(1), (1 << 24) - 1));
    }

    /** Logs in and waits for {@code <ib><offline/>}; returns everything before it, success first. */
    List<Node> login() throws Exception {
        byte[] payload = ClientPayload.newBuilder().setUsername(Long.parseLong(account.phoneNumber()))
                .setDevice(device.deviceId()).setPassive(true).setPull(true).build().toByteArray();
        connection = connector.connect(new ConnectRequest(simulator.wsUrl(), noiseKey,
                new CertificateChainVerifier(simulator.rootPublicKey(), 0, Clock.systemUTC()), () -> payload),
                new ConnectionListener() {
                    @Override
                    public void onNode(WaConnection from, Node node) {
                        received.add(node);
                    }

                    @Override
                    public void onClose(WaConnection from, CloseReason reason) {
                    }
                }).get(10, TimeUnit.SECONDS);
        List<Node> upToOffline = new java.util.ArrayList<>();
        Node node;
        do {
            node = next(n -> true);
            upToOffline.add(node);
        } while (!"ib".equals(node.tag()));
        serverSideId = simulator.onlineConnection(account.phoneNumber(), device.deviceId()).orElseThrow().id();
        return upToOffline;
    }

    String jid() {
        return account.pnJid(device.deviceId());
    }

    String lidJid() {
        return account.lidJid(device.deviceId());
    }

    void send(Node node) throws Exception {
        connection.send(node).get(5, TimeUnit.SECONDS);
    }

    Node query(Node iq) throws Exception {
        return connection.sendIq(iq).get(5, TimeUnit.SECONDS);
    }

    /** The next pushed node that matches, skipping others; fails after a few seconds. */
    Node next(Predicate<Node> matches) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Node node = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (node == null) {
                throw new AssertionError("no matching node within " + WAIT + " for " + account.phoneNumber());
            }
            if (matches.test(node)) {
                return node;
            }
        }
    }

    /** True when nothing arrives within {@code millis}. */
    boolean quietFor(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS) == null;
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
            simulator.awaitConnection(c -> c.id().equals(serverSideId) && !c.isOpen(), WAIT);
        }
    }
}
