package app.statustracker.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.client.InMemoryPreKeyStore;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.signal.EncryptedSignalMessage;
import app.statustracker.wa.signal.GroupCipher;
import app.statustracker.wa.signal.GroupSessionBuilder;
import app.statustracker.wa.signal.InMemorySenderKeyStore;
import app.statustracker.wa.signal.LocalSignalIdentity;
import app.statustracker.wa.signal.PreKey;
import app.statustracker.wa.signal.PreKeyBundle;
import app.statustracker.wa.signal.SenderKeyDistributionMessage;
import app.statustracker.wa.signal.SenderKeyName;
import app.statustracker.wa.signal.SessionCipher;
import app.statustracker.wa.signal.SessionRecord;
import app.statustracker.wa.signal.SessionStartReport;
import app.statustracker.wa.signal.SignalAddress;
import app.statustracker.wa.signal.SignalSessions;
import app.statustracker.wa.signal.SignedPreKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Signal stores as the protocol client uses them, on the real tables: a conversation whose sender side lives only
 * in the database (reloaded for every step, as after a restart), identities trusted on first use and reported on
 * change, our sender key, the LID map and the sender-key holders.
 */
class SignalStoresOnDatabaseTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("postgresql", (Supplier<MigratedDatabase>) MigratedDatabase::postgres),
                Arguments.of("h2", (Supplier<MigratedDatabase>) MigratedDatabase::h2));
    }

    private static LocalSignalIdentity identity() {
        Curve25519KeyPair key = Curve25519.generateKeyPair();
        return new LocalSignalIdentity(key, 1 + RANDOM.nextInt(16380), SignedPreKey.generate(key, 7));
    }

    private static PreKeyBundle bundle(LocalSignalIdentity id, InMemoryPreKeyStore preKeys, int preKeyId) {
        PreKey oneTime = PreKey.generate(preKeyId);
        preKeys.store(List.of(oneTime));
        SignedPreKey spk = id.signedPreKey();
        return new PreKeyBundle(id.registrationId(), id.identityKey(), spk.id(), spk.keyPair().publicKey(),
                spk.signature(), OptionalInt.of(preKeyId), oneTime.keyPair().publicKey());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aConversationSurvivesInTheDatabase(String name, Supplier<MigratedDatabase> db) throws Exception {
        try (MigratedDatabase d = db.get()) {
            long pk = d.insertSession("acc1");
            byte[] masterKey = new byte[32];
            RANDOM.nextBytes(masterKey);
            SealedRecordRepository repo = new SealedRecordRepository(d.dataSource(), new KeyMaterialCipher(masterKey));
            LocalSignalIdentity ours = identity();
            Supplier<SignalSessions> fresh = () -> new SignalSessions(new SessionCipher(ours),
                    new DbSignalSessionStore(repo, pk), new DbIdentityKeyStore(repo, pk), new InMemoryPreKeyStore());

            LocalSignalIdentity viewer = identity();
            InMemoryPreKeyStore viewerPreKeys = new InMemoryPreKeyStore();
            SignalAddress viewerAddress = SignalAddress.of(Jid.parse("100000000000001:2@lid"));
            SessionStartReport started = fresh.get().startSessions(Map.of(viewerAddress, bundle(viewer, viewerPreKeys, 1)));
            assertEquals(Set.of(viewerAddress), started.started());

            SessionCipher viewerCipher = new SessionCipher(viewer);
            SessionRecord viewerRecord = new SessionRecord();
            for (int i = 0; i < 3; i++) {
                byte[] text = ("status " + i).getBytes(UTF_8);
                EncryptedSignalMessage out = fresh.get().encryptAll(List.of(viewerAddress), text).get(viewerAddress);
                assertEquals("pkmsg", out.type().encType(), "pkmsg until the viewer answers");
                assertArrayEquals(text, viewerCipher.decrypt(viewerRecord, out, viewerPreKeys).plaintext());
            }
            // the viewer answers: from then on the stored session sends msg
            EncryptedSignalMessage reply = viewerCipher.encrypt(viewerRecord, "seen".getBytes(UTF_8));
            assertArrayEquals("seen".getBytes(UTF_8), fresh.get().decrypt(viewerAddress, reply).plaintext());
            EncryptedSignalMessage next = fresh.get().encryptAll(List.of(viewerAddress), new byte[] {1}).get(viewerAddress);
            assertEquals("msg", next.type().encType());
            assertArrayEquals(new byte[] {1}, viewerCipher.decrypt(viewerRecord, next, viewerPreKeys).plaintext());

            // the viewer reinstalled: a new identity is accepted and reported, once
            LocalSignalIdentity reinstalled = identity();
            SessionStartReport again = fresh.get().startSessions(
                    Map.of(viewerAddress, bundle(reinstalled, new InMemoryPreKeyStore(), 2)));
            assertEquals(Set.of(viewerAddress), again.identityChanged());
            assertArrayEquals(reinstalled.identityKey(),
                    new DbIdentityKeyStore(repo, pk).load(viewerAddress).orElseThrow());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void senderKeyLidMapAndHoldersArePerSession(String name, Supplier<MigratedDatabase> db) throws Exception {
        try (MigratedDatabase d = db.get()) {
            long pk = d.insertSession("acc1");
            long other = d.insertSession("acc2");
            byte[] masterKey = new byte[32];
            RANDOM.nextBytes(masterKey);
            SealedRecordRepository repo = new SealedRecordRepository(d.dataSource(), new KeyMaterialCipher(masterKey));
            SenderKeyName ours = new SenderKeyName("status@broadcast", SignalAddress.of(Jid.parse("100000000000009:3@lid")));

            SenderKeyDistributionMessage skdm = new GroupSessionBuilder(new DbSenderKeyStore(repo, pk))
                    .createDistributionMessage(ours);
            byte[] first = new GroupCipher(new DbSenderKeyStore(repo, pk)).encrypt(ours, "one".getBytes(UTF_8));
            byte[] second = new GroupCipher(new DbSenderKeyStore(repo, pk)).encrypt(ours, "two".getBytes(UTF_8));
            InMemorySenderKeyStore viewer = new InMemorySenderKeyStore();
            new GroupSessionBuilder(viewer).process(ours, skdm.serialize());
            GroupCipher viewerCipher = new GroupCipher(viewer);
            assertArrayEquals("two".getBytes(UTF_8), viewerCipher.decrypt(ours, second));
            assertArrayEquals("one".getBytes(UTF_8), viewerCipher.decrypt(ours, first));
            assertTrue(new DbSenderKeyStore(repo, other).load(ours).isEmpty(), "another session has no key");

            DbLidMappingStore lids = new DbLidMappingStore(new LidMappingRepository(d.dataSource()), pk);
            Jid pn = Jid.parse("15551230001@s.whatsapp.net");
            Jid lid = Jid.parse("100000000000001@lid");
            lids.store(Map.of(pn, lid));
            assertEquals(Map.of(pn, lid), lids.lidsForPhoneNumbers(List.of(pn, Jid.parse("15559999999@s.whatsapp.net"))));
            assertEquals(Map.of(lid, pn), lids.phoneNumbersForLids(List.of(lid)));
            assertTrue(new DbLidMappingStore(new LidMappingRepository(d.dataSource()), other)
                    .lidsForPhoneNumbers(List.of(pn)).isEmpty());

            DbSenderKeyHolders holders = new DbSenderKeyHolders(new SenderKeyHolderRepository(d.dataSource()), pk);
            Jid device = Jid.parse("100000000000001:2@lid");
            holders.add(41, List.of(device, lid));
            holders.add(42, List.of(device));
            assertEquals(Set.of(device, lid), holders.holders(41));
            holders.forget(41);
            assertTrue(holders.holders(41).isEmpty());
            assertEquals(Set.of(device), holders.holders(42), "another key's holders stay");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void sentStatusesAreKeptForADayAcrossInstances(String name, Supplier<MigratedDatabase> db) throws Exception {
        try (MigratedDatabase d = db.get()) {
            long pk = d.insertSession("acc1");
            byte[] masterKey = new byte[32];
            RANDOM.nextBytes(masterKey);
            SealedRecordRepository repo = new SealedRecordRepository(d.dataSource(), new KeyMaterialCipher(masterKey));
            java.time.Instant sent = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            java.time.Clock clock = java.time.Clock.systemUTC();
            Set<Jid> audience = Set.of(Jid.parse("100000000000001@lid"), Jid.parse("100000000000002@lid"));
            app.statustracker.wa.status.SentStatus status = new app.statustracker.wa.status.SentStatus("3EB0AA11",
                    "payload".getBytes(UTF_8), false, 77, audience, sent);
            new DbRecentStatuses(repo, pk, clock).remember(status);

            // another instance over the same rows: what a restarted server sees
            DbRecentStatuses restarted = new DbRecentStatuses(repo, pk, clock);
            assertEquals(status, restarted.find("3EB0AA11").orElseThrow());
            assertTrue(restarted.find("3EB0FFFF").isEmpty());
            assertTrue(d.count("SELECT COUNT(*) FROM sent_status_payloads") == 1);

            // a day later: the stored status is too old to answer, and writing the next one deletes its row
            java.time.Instant dayAgo = sent.minus(java.time.Duration.ofHours(25));
            restarted.remember(new app.statustracker.wa.status.SentStatus("3EB0OLD1", new byte[] {2}, false, 76,
                    audience, dayAgo));
            assertTrue(restarted.find("3EB0OLD1").isEmpty(), "a status older than a day is not answered");
            try (java.sql.Connection c = d.connect(); java.sql.PreparedStatement ps = c.prepareStatement(
                    "UPDATE sent_status_payloads SET updated_at = ? WHERE record_key <> '3EB0AA11'")) {
                ps.setObject(1, java.time.LocalDateTime.ofInstant(dayAgo, java.time.ZoneOffset.UTC));
                ps.executeUpdate();
            }
            restarted.remember(new app.statustracker.wa.status.SentStatus("3EB0BB22", new byte[] {1}, true, 78,
                    audience, sent));
            assertTrue(restarted.find("3EB0BB22").orElseThrow().revoke());
            assertEquals(2, d.count("SELECT COUNT(*) FROM sent_status_payloads"), "only the day-old row went");
        }
    }
}
