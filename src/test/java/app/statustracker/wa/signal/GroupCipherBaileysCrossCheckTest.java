package app.statustracker.wa.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.statustracker.testing.BaileysDriver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Our sender keys against Baileys' own port (lib/Signal/Group, used for every group and status it sends or
 * receives) in both directions, through the Node driver's {@code commands/signal-group.mjs}; Baileys keeps its
 * records in its own JSON form between calls, as its signalStorage does. Each test uses its own sender name and
 * Node stores, so the tests share one driver. Plaintexts come from one seed, printed in failure messages and
 * settable with {@code -Dst.crossCheckSeed=...}; keys are fresh on every run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupCipherBaileysCrossCheckTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String STATUS = "status@broadcast";

    /** Java's receiving side; sender names are unique per test, so one store serves all. */
    private final InMemorySenderKeyStore javaStore = new InMemorySenderKeyStore();
    /** Node stores that keep Baileys' record objects instead of its JSON (see signal-group.mjs). */
    private final Set<String> liveStores = new HashSet<>();
    private BaileysDriver baileys;
    private long seed;
    private Random random;

    @BeforeAll
    void startBaileys() {
        BaileysDriver.assumeAvailable();
        baileys = BaileysDriver.start();
        seed = Long.getLong("st.crossCheckSeed", new SecureRandom().nextLong());
        random = new Random(seed);
    }

    @AfterAll
    void stopBaileys() {
        if (baileys != null) {
            baileys.close();
        }
    }

    @Test
    void baileysSendsAndJavaDecrypts() throws SenderKeyException {
        SenderKeyName sender = freshSender();
        String nodeStore = "baileys-sender-" + sender.sender().name();
        GroupCipher javaCipher = new GroupCipher(javaStore);
        new GroupSessionBuilder(javaStore).process(sender, nodeCreateSkdm(nodeStore, sender));

        List<byte[]> plaintexts = new ArrayList<>();
        List<byte[]> skmsgs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            plaintexts.add(paddedPlaintext());
            skmsgs.add(nodeEncrypt(nodeStore, sender, plaintexts.get(i)));
        }
        List<Integer> iterations = new ArrayList<>();
        for (byte[] skmsg : skmsgs) {
            iterations.add(SenderKeyMessage.parse(skmsg).iteration());
        }
        assertEquals(List.of(0, 2, 4, 6, 8, 10), iterations, "Baileys' encrypt steps by two after the first (docs/protocol.md, Signal)");
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(plaintexts.get(i), javaCipher.decrypt(sender, skmsgs.get(i)), context("message " + i));
        }

        // Baileys repeats the SKDM with every status; it is the same chain, now at iteration 11
        byte[] again = nodeCreateSkdm(nodeStore, sender);
        assertEquals(11, SenderKeyDistributionMessage.parse(again).iteration());
        new GroupSessionBuilder(javaStore).process(sender, again);
        for (int i = 6; i < 9; i++) {
            plaintexts.add(paddedPlaintext());
            skmsgs.add(nodeEncrypt(nodeStore, sender, plaintexts.get(i)));
        }
        for (int i : new int[] {5, 3, 8, 4, 6, 7}) {
            assertArrayEquals(plaintexts.get(i), javaCipher.decrypt(sender, skmsgs.get(i)), context("message " + i));
        }
        assertThrows(SenderKeyDuplicateMessageException.class, () -> javaCipher.decrypt(sender, skmsgs.get(0)));
    }

    @Test
    void aBaileysSkdmMidChainStartsJavaAtThatIteration() throws SenderKeyException {
        SenderKeyName sender = freshSender();
        String nodeStore = "baileys-sender-" + sender.sender().name();
        nodeCreateSkdm(nodeStore, sender);
        byte[] early = nodeEncrypt(nodeStore, sender, paddedPlaintext());
        byte[] skdm = nodeCreateSkdm(nodeStore, sender);
        assertEquals(1, SenderKeyDistributionMessage.parse(skdm).iteration());
        new GroupSessionBuilder(javaStore).process(sender, skdm);

        GroupCipher javaCipher = new GroupCipher(javaStore);
        for (int i = 0; i < 3; i++) {
            byte[] plaintext = paddedPlaintext();
            assertArrayEquals(plaintext, javaCipher.decrypt(sender, nodeEncrypt(nodeStore, sender, plaintext)), context("late " + i));
        }
        assertThrows(SenderKeyDuplicateMessageException.class, () -> javaCipher.decrypt(sender, early));
    }

    @Test
    void javaSendsWithGapsAndBaileysDecryptsThroughItsOwnStorage() {
        SenderKeyName ours = freshSender();
        String viewer = "viewer-" + ours.sender().name();
        InMemorySenderKeyStore ownStore = new InMemorySenderKeyStore();
        nodeProcessSkdm(viewer, ours, new GroupSessionBuilder(ownStore).createDistributionMessage(ours).serialize());

        GroupCipher cipher = new GroupCipher(ownStore);
        List<byte[]> plaintexts = new ArrayList<>();
        List<byte[]> skmsgs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            plaintexts.add(paddedPlaintext());
            skmsgs.add(cipher.encrypt(ours, plaintexts.get(i)));
        }
        // Baileys' own spacing, 0, 2, 4, …: the odd iterations never arrive
        for (int i = 0; i < 10; i += 2) {
            assertArrayEquals(plaintexts.get(i), nodeDecrypt(viewer, ours, skmsgs.get(i)), context("message " + i));
        }
        assertThrows(BaileysDriver.DriverException.class, () -> nodeDecrypt(viewer, ours, skmsgs.get(8)),
                "Baileys refuses a redelivered message");
        byte[] tampered = skmsgs.get(9).clone();
        tampered[tampered.length - 1 - random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
        assertThrows(BaileysDriver.DriverException.class, () -> nodeDecrypt(viewer, ours, tampered),
                context("Baileys accepts a tampered signature"));
        assertArrayEquals(plaintexts.get(9), nodeDecrypt(viewer, ours, skmsgs.get(9)), context("message 9"));
    }

    @Test
    void javaSendsAndBaileysDecryptsOutOfOrder() {
        SenderKeyName ours = freshSender();
        // kept as live objects: Baileys' JSON storage loses the keys of skipped iterations (signal-group.mjs)
        String viewer = "viewer-" + ours.sender().name();
        liveStores.add(viewer);
        InMemorySenderKeyStore ownStore = new InMemorySenderKeyStore();
        nodeProcessSkdm(viewer, ours, new GroupSessionBuilder(ownStore).createDistributionMessage(ours).serialize());

        GroupCipher cipher = new GroupCipher(ownStore);
        List<byte[]> plaintexts = new ArrayList<>();
        List<byte[]> skmsgs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            plaintexts.add(paddedPlaintext());
            skmsgs.add(cipher.encrypt(ours, plaintexts.get(i)));
        }
        // the even ones first and out of order, then two of the skipped ones
        for (int i : new int[] {4, 0, 8, 2, 6, 5, 9, 1}) {
            assertArrayEquals(plaintexts.get(i), nodeDecrypt(viewer, ours, skmsgs.get(i)), context("message " + i));
        }
        assertThrows(BaileysDriver.DriverException.class, () -> nodeDecrypt(viewer, ours, skmsgs.get(4)),
                "Baileys refuses a redelivered message");
    }

    @Test
    void javaRotatesAndBaileysFollows() throws SenderKeyException {
        SenderKeyName ours = freshSender();
        String viewer = "viewer-" + ours.sender().name();
        String lateViewer = "late-viewer-" + ours.sender().name();
        InMemorySenderKeyStore ownStore = new InMemorySenderKeyStore();
        GroupSessionBuilder builder = new GroupSessionBuilder(ownStore);
        GroupCipher cipher = new GroupCipher(ownStore);

        nodeProcessSkdm(viewer, ours, builder.createDistributionMessage(ours).serialize());
        byte[] old0 = paddedPlaintext();
        byte[] old1 = paddedPlaintext();
        byte[] oldSkmsg0 = cipher.encrypt(ours, old0);
        byte[] oldSkmsg1 = cipher.encrypt(ours, old1);
        // an SKDM after some messages carries the chain as it is now
        byte[] midChain = builder.createDistributionMessage(ours).serialize();
        nodeProcessSkdm(lateViewer, ours, midChain);

        SenderKeyDistributionMessage rotated = builder.rotate(ours);
        nodeProcessSkdm(viewer, ours, rotated.serialize());
        byte[] fresh = paddedPlaintext();
        byte[] freshSkmsg = cipher.encrypt(ours, fresh);
        assertEquals(rotated.keyId(), SenderKeyMessage.parse(freshSkmsg).keyId());

        assertArrayEquals(fresh, nodeDecrypt(viewer, ours, freshSkmsg), context("new key"));
        assertArrayEquals(old0, nodeDecrypt(viewer, ours, oldSkmsg0), context("old key, kept state"));
        assertArrayEquals(old1, nodeDecrypt(viewer, ours, oldSkmsg1), context("old key, kept state"));

        // the late viewer got the old key at iteration 2: nothing before it, and not the new key until its SKDM
        assertThrows(BaileysDriver.DriverException.class, () -> nodeDecrypt(lateViewer, ours, oldSkmsg1));
        assertThrows(BaileysDriver.DriverException.class, () -> nodeDecrypt(lateViewer, ours, freshSkmsg));
        nodeProcessSkdm(lateViewer, ours, builder.createDistributionMessage(ours).serialize());
        byte[] next = paddedPlaintext();
        assertArrayEquals(next, nodeDecrypt(lateViewer, ours, cipher.encrypt(ours, next)), context("after rotation"));
    }

    /** A sender name no other test (or earlier run in this driver) uses: LID signal user, device 0..3. */
    private SenderKeyName freshSender() {
        String user = (100000000000000L + Math.floorMod(random.nextLong(), 900000000000000L)) + "_1";
        return new SenderKeyName(STATUS, new SignalAddress(user, random.nextInt(4)));
    }

    /** A Message-sized payload with Baileys' padding (docs/protocol.md, Signal: N bytes of value N, N in 1..16). */
    private byte[] paddedPlaintext() {
        byte[] message = new byte[1 + random.nextInt(400)];
        random.nextBytes(message);
        int n = 1 + random.nextInt(16);
        byte[] padded = Arrays.copyOf(message, message.length + n);
        Arrays.fill(padded, message.length, padded.length, (byte) n);
        return padded;
    }

    private byte[] nodeCreateSkdm(String store, SenderKeyName name) {
        JsonObject result = baileys.call("groupCreateSkdm", nameArguments(store, name).build());
        assertEquals(name.toString(), result.getString("name"), "Baileys spells the sender key name as we do");
        return HEX.parseHex(result.getString("skdm"));
    }

    private void nodeProcessSkdm(String store, SenderKeyName name, byte[] skdm) {
        baileys.call("groupProcessSkdm", nameArguments(store, name).add("skdm", HEX.formatHex(skdm)).build());
    }

    private byte[] nodeEncrypt(String store, SenderKeyName name, byte[] plaintext) {
        return HEX.parseHex(baileys.call("groupEncrypt",
                nameArguments(store, name).add("plaintext", HEX.formatHex(plaintext)).build()).getString("ciphertext"));
    }

    private byte[] nodeDecrypt(String store, SenderKeyName name, byte[] skmsg) {
        return HEX.parseHex(baileys.call("groupDecrypt",
                nameArguments(store, name).add("ciphertext", HEX.formatHex(skmsg)).build()).getString("plaintext"));
    }

    private JsonObjectBuilder nameArguments(String store, SenderKeyName name) {
        return Json.createObjectBuilder().add("store", store).add("live", liveStores.contains(store)).add("group", name.groupId())
                .add("user", name.sender().name()).add("device", name.sender().deviceId());
    }

    private String context(String what) {
        return what + "; seed " + seed + " (-Dst.crossCheckSeed)";
    }
}
