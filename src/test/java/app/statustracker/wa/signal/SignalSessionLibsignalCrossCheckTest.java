package app.statustracker.wa.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static java.nio.charset.StandardCharsets.UTF_8;

import app.statustracker.testing.BaileysDriver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Our pairwise sessions against libsignal-node as Baileys drives it (its signal repository over npm libsignal
 * 6.0.0), live through the Node driver's {@code commands/signal-session.mjs}, in both directions: Java initiating
 * from a Baileys bundle, Baileys initiating from a Java bundle, and the ratchet turning over several rounds.
 * The Java side is the store-backed {@link SignalSessions}. Fails, not skips, without Node when CI=true.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignalSessionLibsignalCrossCheckTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final AtomicInteger NEXT_USER = new AtomicInteger(1000);

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

    /** One pairing: a Java device and a Baileys device, each with the other's address. */
    private final class Pair {
        final SignalTestParty java = new SignalTestParty();
        final String nodeName = "node-" + NEXT_USER.incrementAndGet();
        final int nodeUser = NEXT_USER.incrementAndGet();
        /** How Java addresses the Baileys device (LID user 2000…, device 1). */
        final SignalAddress nodeAddress = new SignalAddress(nodeUser + "_1", 1);
        /** How Baileys addresses the Java device. */
        final String javaJid = NEXT_USER.incrementAndGet() + ":3@lid";
        final PreKeyBundle nodeBundle;

        Pair(boolean nodeOneTimePreKey) {
            nodeBundle = bundleOf(baileys.call("signalCreate", Json.createObjectBuilder()
                    .add("name", nodeName).add("oneTimePreKey", nodeOneTimePreKey).build()));
        }

        EncryptedSignalMessage javaEncrypt(String text) {
            Map<SignalAddress, EncryptedSignalMessage> out = java.sessions.encryptAll(Set.of(nodeAddress), utf8(text));
            assertTrue(out.containsKey(nodeAddress), "Java has no open session; " + context());
            return out.get(nodeAddress);
        }

        String javaDecrypt(EncryptedSignalMessage message) throws Exception {
            return new String(java.sessions.decrypt(nodeAddress, message).plaintext(), UTF_8);
        }

        EncryptedSignalMessage nodeEncrypt(String text) {
            JsonObject result = baileys.call("signalEncrypt", Json.createObjectBuilder().add("name", nodeName)
                    .add("jid", javaJid).add("plaintext", HEX.formatHex(utf8(text))).build());
            return new EncryptedSignalMessage(SignalMessageType.fromEncType(result.getString("type")),
                    HEX.parseHex(result.getString("ciphertext")));
        }

        String nodeDecrypt(EncryptedSignalMessage message) {
            JsonObject result = baileys.call("signalDecrypt", Json.createObjectBuilder().add("name", nodeName)
                    .add("jid", javaJid).add("type", message.type().encType())
                    .add("ciphertext", HEX.formatHex(message.serialized())).build());
            return new String(HEX.parseHex(result.getString("plaintext")), UTF_8);
        }

        void nodeProcessJavaBundle(PreKeyBundle bundle) {
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("registrationId", bundle.registrationId())
                    .add("identityKey", HEX.formatHex(bundle.identityKey()))
                    .add("signedPreKeyId", bundle.signedPreKeyId())
                    .add("signedPreKey", HEX.formatHex(bundle.signedPreKey()))
                    .add("signedPreKeySignature", HEX.formatHex(bundle.signedPreKeySignature()));
            bundle.preKeyId().ifPresent(id -> json.add("preKeyId", id).add("preKey", HEX.formatHex(bundle.preKey())));
            baileys.call("signalProcessBundle", Json.createObjectBuilder().add("name", nodeName).add("jid", javaJid)
                    .add("bundle", json).build());
        }

        boolean nodeHasPreKey(int id) {
            return baileys.call("signalHasPreKey", Json.createObjectBuilder().add("name", nodeName).add("preKeyId", id).build())
                    .getBoolean("present");
        }

        /** Several rounds with random counts each way, delivered in random order: the ratchet turns each round. */
        void converse(int rounds) throws Exception {
            for (int round = 0; round < rounds; round++) {
                List<EncryptedSignalMessage> toNode = new ArrayList<>();
                List<String> toNodeText = new ArrayList<>();
                for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                    String text = "java r" + round + " #" + i + " " + "x".repeat(random.nextInt(40));
                    EncryptedSignalMessage message = javaEncrypt(text);
                    assertEquals(SignalMessageType.MSG, message.type(), context());
                    toNode.add(message);
                    toNodeText.add(text);
                }
                for (int i : shuffled(toNode.size())) {
                    assertEquals(toNodeText.get(i), nodeDecrypt(toNode.get(i)), context());
                }
                List<EncryptedSignalMessage> toJava = new ArrayList<>();
                List<String> toJavaText = new ArrayList<>();
                for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                    String text = "node r" + round + " #" + i + " " + "y".repeat(random.nextInt(40));
                    EncryptedSignalMessage message = nodeEncrypt(text);
                    assertEquals(SignalMessageType.MSG, message.type(), context());
                    toJava.add(message);
                    toJavaText.add(text);
                }
                for (int i : shuffled(toJava.size())) {
                    assertEquals(toJavaText.get(i), javaDecrypt(toJava.get(i)), context());
                }
            }
        }

        String context() {
            return "seed " + seed + " (-Dst.crossCheckSeed), Baileys party " + nodeName;
        }
    }

    @Test
    void javaInitiatesFromABaileysBundle() throws Exception {
        Pair pair = new Pair(true);
        SessionStartReport report = pair.java.sessions.startSessions(Map.of(pair.nodeAddress, pair.nodeBundle));
        assertEquals(Set.of(pair.nodeAddress), report.started(), pair.context());
        EncryptedSignalMessage first = pair.javaEncrypt("hello from java");
        assertEquals(SignalMessageType.PKMSG, first.type());
        assertEquals("hello from java", pair.nodeDecrypt(first), pair.context());
        assertFalse(pair.nodeHasPreKey(pair.nodeBundle.preKeyId().getAsInt()), "Baileys used up its one-time pre-key");
        assertEquals("05" + HEX.formatHex(pair.java.identity.identityKey()), baileys.call("signalPeerIdentity",
                Json.createObjectBuilder().add("name", pair.nodeName).add("jid", pair.javaJid).build())
                .getString("identityKey"), "Baileys stored our identity from the pkmsg");

        EncryptedSignalMessage reply = pair.nodeEncrypt("hello from baileys");
        assertEquals(SignalMessageType.MSG, reply.type(), "the responder answers with msg");
        assertEquals("hello from baileys", pair.javaDecrypt(reply));
        pair.converse(6);
    }

    @Test
    void baileysInitiatesFromAJavaBundle() throws Exception {
        Pair pair = new Pair(true);
        PreKeyBundle javaBundle = pair.java.bundle();
        int oneTimeId = javaBundle.preKeyId().getAsInt();
        pair.nodeProcessJavaBundle(javaBundle);
        EncryptedSignalMessage first = pair.nodeEncrypt("first from baileys");
        EncryptedSignalMessage second = pair.nodeEncrypt("second from baileys");
        assertEquals(SignalMessageType.PKMSG, first.type());
        assertEquals(SignalMessageType.PKMSG, second.type());
        assertEquals(OptionalInt.of(oneTimeId), PreKeySignalMessage.parse(first.serialized()).preKeyId());

        DecryptedSignalMessage opened = pair.java.sessions.decrypt(pair.nodeAddress, second);
        assertEquals("second from baileys", new String(opened.plaintext(), UTF_8));
        assertEquals(OptionalInt.of(oneTimeId), opened.consumedPreKeyId());
        assertTrue(pair.java.preKeys.load(oneTimeId).isEmpty(), "the one-time pre-key is removed once used");
        assertEquals("first from baileys", pair.javaDecrypt(first), "a repeated pkmsg lands on the same session");
        assertArrayEquals(PreKeySignalMessage.parse(first.serialized()).identityKey(),
                pair.java.identityStore.load(pair.nodeAddress).orElseThrow(), "Baileys' identity is remembered");

        EncryptedSignalMessage reply = pair.javaEncrypt("reply from java");
        assertEquals(SignalMessageType.MSG, reply.type(), "the responder answers with msg");
        assertEquals("reply from java", pair.nodeDecrypt(reply), pair.context());
        pair.converse(6);
    }

    @Test
    void javaSendsPkmsgUntilBaileysRepliesThenMsg() throws Exception {
        Pair pair = new Pair(true);
        pair.java.sessions.startSessions(Map.of(pair.nodeAddress, pair.nodeBundle));
        byte[] baseKey = null;
        for (int i = 0; i < 3; i++) {
            EncryptedSignalMessage message = pair.javaEncrypt("unanswered " + i);
            assertEquals(SignalMessageType.PKMSG, message.type(), "no reply yet, so still pkmsg");
            byte[] thisBase = PreKeySignalMessage.parse(message.serialized()).baseKey();
            if (baseKey != null) {
                assertArrayEquals(baseKey, thisBase, "the same base key every time");
            }
            baseKey = thisBase;
            assertEquals("unanswered " + i, pair.nodeDecrypt(message), pair.context());
        }
        assertEquals("answer", pair.javaDecrypt(pair.nodeEncrypt("answer")));
        for (int i = 0; i < 3; i++) {
            EncryptedSignalMessage message = pair.javaEncrypt("answered " + i);
            assertEquals(SignalMessageType.MSG, message.type(), "after the reply Java sends msg");
            assertEquals("answered " + i, pair.nodeDecrypt(message), pair.context());
        }
    }

    @Test
    void bundlesWithoutOneTimePreKeyWorkBothWays() throws Exception {
        Pair javaFirst = new Pair(false);
        assertTrue(javaFirst.nodeBundle.preKeyId().isEmpty());
        javaFirst.java.sessions.startSessions(Map.of(javaFirst.nodeAddress, javaFirst.nodeBundle));
        assertEquals("no opk", javaFirst.nodeDecrypt(javaFirst.javaEncrypt("no opk")), javaFirst.context());
        assertEquals("ok", javaFirst.javaDecrypt(javaFirst.nodeEncrypt("ok")));
        javaFirst.converse(2);

        Pair nodeFirst = new Pair(false);
        nodeFirst.nodeProcessJavaBundle(nodeFirst.java.bundle(false));
        assertEquals("no opk either", nodeFirst.javaDecrypt(nodeFirst.nodeEncrypt("no opk either")));
        nodeFirst.converse(2);
    }

    @Test
    void aNewBaileysIdentityOnTheSameAddressIsReported() throws Exception {
        Pair pair = new Pair(true);
        pair.nodeProcessJavaBundle(pair.java.bundle());
        assertFalse(pair.java.sessions.decrypt(pair.nodeAddress, pair.nodeEncrypt("before")).identityChanged(),
                "first contact is trust on first use, not a change");
        pair.converse(1);

        // the same address re-registered (new Baileys creds) and starting over from a fresh Java bundle
        baileys.call("signalCreate", Json.createObjectBuilder().add("name", pair.nodeName).build());
        pair.nodeProcessJavaBundle(pair.java.bundle());
        DecryptedSignalMessage after = pair.java.sessions.decrypt(pair.nodeAddress, pair.nodeEncrypt("after"));
        assertTrue(after.identityChanged(), pair.context());
        assertEquals("after", new String(after.plaintext(), UTF_8));
        pair.converse(2);
    }

    private List<Integer> shuffled(int size) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        return order;
    }

    private static PreKeyBundle bundleOf(JsonObject json) {
        boolean oneTime = json.containsKey("preKeyId");
        return new PreKeyBundle(json.getInt("registrationId"), HEX.parseHex(json.getString("identityKey")),
                json.getInt("signedPreKeyId"), HEX.parseHex(json.getString("signedPreKey")),
                HEX.parseHex(json.getString("signedPreKeySignature")),
                oneTime ? OptionalInt.of(json.getInt("preKeyId")) : OptionalInt.empty(),
                oneTime ? HEX.parseHex(json.getString("preKey")) : null);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(UTF_8);
    }
}
