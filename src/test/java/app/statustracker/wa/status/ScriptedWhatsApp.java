package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.signal.PreKeyBundle;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

/**
 * A scripted WhatsApp server behind a {@link StanzaChannel}: answers usync (by PN or LID) and pre-key queries from
 * its accounts, and acks messages as told. Records everything sent. Test-only; the in-JVM simulator learns these
 * answers on another branch.
 */
final class ScriptedWhatsApp implements StanzaChannel {
    enum AckMode { ACCEPT, REFUSE_479, SILENT, HOLD }

    record Account(String lidUser, List<Integer> devices, boolean emptyByPhoneNumber) {
    }

    private final Map<String, Account> byPhone = new HashMap<>();
    private final Map<String, Account> byLid = new HashMap<>();
    private final Set<String> bundleErrors = new HashSet<>();
    private final Map<String, PreKeyBundle> realBundles = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    final List<Node> usyncQueries = new CopyOnWriteArrayList<>();
    final List<Node> keyQueries = new CopyOnWriteArrayList<>();
    final List<Node> messages = new CopyOnWriteArrayList<>();
    final List<CompletableFuture<Void>> held = new CopyOnWriteArrayList<>();
    volatile AckMode ackMode = AckMode.ACCEPT;
    volatile long serverTime = 1_700_000_000L;

    synchronized void account(String phone, String lidUser, Integer... devices) {
        Account account = new Account(lidUser, new ArrayList<>(List.of(devices)), false);
        byPhone.put(phone, account);
        byLid.put(lidUser, account);
    }

    /** A LID-migrated contact: a devices query by phone number comes back empty (docs/protocol.md, Status stanza). */
    synchronized void migratedAccount(String phone, String lidUser, Integer... devices) {
        Account account = new Account(lidUser, new ArrayList<>(List.of(devices)), true);
        byPhone.put(phone, account);
        byLid.put(lidUser, account);
    }

    synchronized void addDevice(String phone, int device) {
        byPhone.get(phone).devices().add(device);
    }

    synchronized void bundleError(String deviceJid) {
        bundleErrors.add(deviceJid);
    }

    /** Hands out this real bundle for the device instead of random keys (for tests with real Signal peers). */
    synchronized void bundle(String deviceJid, PreKeyBundle bundle) {
        realBundles.put(deviceJid, bundle);
    }

    @Override
    public synchronized CompletableFuture<Node> query(Node iq) {
        String xmlns = iq.attr("xmlns");
        if ("usync".equals(xmlns)) {
            usyncQueries.add(iq);
            return CompletableFuture.completedFuture(usyncAnswer(iq));
        }
        if ("encrypt".equals(xmlns)) {
            keyQueries.add(iq);
            return CompletableFuture.completedFuture(keyAnswer(iq));
        }
        return CompletableFuture.failedFuture(new AssertionError("unexpected iq " + iq));
    }

    @Override
    public CompletableFuture<MessageAck> sendMessage(Node message, Duration ackTimeout) {
        messages.add(message);
        String id = message.attr("id");
        return switch (ackMode) {
            case ACCEPT -> CompletableFuture.completedFuture(MessageAck.of(ack(id, null)));
            case REFUSE_479 -> CompletableFuture.completedFuture(MessageAck.of(ack(id, "479")));
            case SILENT -> CompletableFuture.failedFuture(new TimeoutException("no ack for " + id));
            case HOLD -> {
                CompletableFuture<Void> later = new CompletableFuture<>();
                held.add(later);
                yield later.thenApply(ignored -> MessageAck.of(ack(id, null)));
            }
        };
    }

    private Node ack(String id, String error) {
        var ack = Node.builder("ack").attr("class", "message").attr("id", id).attr("from", "status@broadcast")
                .attr("t", Long.toString(serverTime));
        if (error != null) {
            ack.attr("error", error);
        }
        return ack.build();
    }

    private Node usyncAnswer(Node iq) {
        List<Node> users = new ArrayList<>();
        for (Node user : iq.children().get(0).child("list").orElseThrow().children("user")) {
            Jid jid = Jid.tryParse(user.attr("jid")).orElseThrow();
            Account account = jid.isLid() ? byLid.get(jid.user()) : byPhone.get(jid.user());
            if (account == null) {
                users.add(Node.builder("user").attr("jid", jid).children(
                        Node.builder("devices").children(Node.builder("device-list").children(List.of()).build()).build(),
                        Node.of("lid")).build());
                continue;
            }
            List<Node> devices = new ArrayList<>();
            if (jid.isLid() || !account.emptyByPhoneNumber()) {
                for (int id : account.devices()) {
                    var device = Node.builder("device").attr("id", Integer.toString(id));
                    if (id != 0) {
                        device.attr("key-index", Integer.toString(id));
                    }
                    devices.add(device.build());
                }
            }
            users.add(Node.builder("user").attr("jid", jid).children(
                    Node.builder("devices").children(Node.builder("device-list").children(devices).build()).build(),
                    Node.builder("lid").attr("val", account.lidUser() + "@lid").build()).build());
        }
        return Node.builder("iq").attr("from", "@s.whatsapp.net").attr("type", "result").attr("id", "u")
                .children(Node.builder("usync").children(Node.builder("list").children(users).build()).build())
                .build();
    }

    private Node keyAnswer(Node iq) {
        List<Node> users = new ArrayList<>();
        for (Node user : iq.child("key").orElseThrow().children("user")) {
            String jid = user.attr("jid");
            if (bundleErrors.contains(jid)) {
                users.add(Node.builder("user").attr("jid", jid).children(
                        Node.builder("error").attr("code", "404").attr("text", "item-not-found").build()).build());
                continue;
            }
            PreKeyBundle real = realBundles.get(jid);
            if (real != null) {
                users.add(Node.builder("user").attr("jid", jid).children(List.of(
                        bytes("registration", PreKeyBundleQueryTest.bigEndian(real.registrationId(), 4)),
                        bytes("type", new byte[] {5}),
                        bytes("identity", real.identityKey()),
                        Node.builder("skey").children(
                                bytes("id", PreKeyBundleQueryTest.bigEndian(real.signedPreKeyId(), 3)),
                                bytes("value", real.signedPreKey()),
                                bytes("signature", real.signedPreKeySignature())).build(),
                        Node.builder("key").children(
                                bytes("id", PreKeyBundleQueryTest.bigEndian(real.preKeyId().getAsInt(), 3)),
                                bytes("value", real.preKey())).build())).build());
                continue;
            }
            users.add(Node.builder("user").attr("jid", jid).children(List.of(
                    bytes("registration", PreKeyBundleQueryTest.bigEndian(1 + random.nextInt(16000), 4)),
                    bytes("type", new byte[] {5}),
                    bytes("identity", randomBytes(32)),
                    Node.builder("skey").children(
                            bytes("id", PreKeyBundleQueryTest.bigEndian(1, 3)),
                            bytes("value", randomBytes(32)),
                            bytes("signature", randomBytes(64))).build(),
                    Node.builder("key").children(
                            bytes("id", PreKeyBundleQueryTest.bigEndian(7, 3)),
                            bytes("value", randomBytes(32))).build())).build());
        }
        return Node.builder("iq").attr("from", "@s.whatsapp.net").attr("type", "result").attr("id", "k")
                .children(Node.builder("list").children(users).build()).build();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static Node bytes(String tag, byte[] content) {
        return Node.builder(tag).bytes(content).build();
    }
}
