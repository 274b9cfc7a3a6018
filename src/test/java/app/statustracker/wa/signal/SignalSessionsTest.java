package app.statustracker.wa.signal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The store-backed API: one load and one store per batch, identity trust on first use and on change. */
class SignalSessionsTest {

    /** Counts the store round trips a batch makes. */
    private static final class CountingSessionStore implements SignalSessionStore {
        final InMemorySignalSessionStore delegate = new InMemorySignalSessionStore();
        int loads;
        int stores;

        @Override
        public Map<SignalAddress, SessionRecord> loadAll(Collection<SignalAddress> addresses) {
            loads++;
            return delegate.loadAll(addresses);
        }

        @Override
        public void storeAll(Map<SignalAddress, SessionRecord> records) {
            stores++;
            delegate.storeAll(records);
        }

        @Override
        public void deleteAll(Collection<SignalAddress> addresses) {
            delegate.deleteAll(addresses);
        }
    }

    /** {@code count} devices of users {@code <prefix><i>_1}, device ids cycling below {@code deviceIds}. */
    private static Map<SignalAddress, SignalTestParty> parties(int count, String prefix, int deviceIds) {
        Map<SignalAddress, SignalTestParty> parties = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            parties.put(new SignalAddress(prefix + i + "_1", i % deviceIds), new SignalTestParty());
        }
        return parties;
    }

    private static Map<SignalAddress, PreKeyBundle> bundlesOf(Map<SignalAddress, SignalTestParty> parties) {
        Map<SignalAddress, PreKeyBundle> bundles = new HashMap<>();
        parties.forEach((address, party) -> bundles.put(address, party.bundle()));
        return bundles;
    }

    @Test
    void aBatchOfDevicesIsLoadedAndStoredOnce() throws Exception {
        SignalTestParty sender = new SignalTestParty();
        CountingSessionStore store = new CountingSessionStore();
        SignalSessions sessions = new SignalSessions(sender.cipher, store, sender.identityStore, sender.preKeys);
        Map<SignalAddress, SignalTestParty> devices = parties(40, "1000", 3);
        Map<SignalAddress, PreKeyBundle> bundles = bundlesOf(devices);
        SignalAddress forged = new SignalAddress("666_1", 0);
        PreKeyBundle good = new SignalTestParty().bundle();
        byte[] badSignature = good.signedPreKeySignature();
        badSignature[0] ^= 1;
        bundles.put(forged, new PreKeyBundle(good.registrationId(), good.identityKey(), good.signedPreKeyId(),
                good.signedPreKey(), badSignature, good.preKeyId(), good.preKey()));

        SessionStartReport report = sessions.startSessions(bundles);
        assertEquals(devices.keySet(), report.started());
        assertEquals(Set.of(forged), report.rejected().keySet());
        assertInstanceOf(InvalidSignedPreKeyException.class, report.rejected().get(forged));
        assertTrue(report.identityChanged().isEmpty());
        assertEquals(1, store.loads);
        assertEquals(1, store.stores);

        SignalAddress unknown = new SignalAddress("999_1", 0);
        List<SignalAddress> recipients = new java.util.ArrayList<>(devices.keySet());
        recipients.add(unknown);
        byte[] payload = PlaintextPadding.pad("status payload".getBytes(UTF_8), new java.security.SecureRandom());
        Map<SignalAddress, EncryptedSignalMessage> encrypted = sessions.encryptAll(recipients, payload);
        assertEquals(devices.keySet(), encrypted.keySet(), "a device without a session is left out");
        assertEquals(2, store.loads);
        assertEquals(2, store.stores);
        for (Map.Entry<SignalAddress, SignalTestParty> device : devices.entrySet()) {
            EncryptedSignalMessage message = encrypted.get(device.getKey());
            assertEquals(SignalMessageType.PKMSG, message.type());
            byte[] received = device.getValue().cipher.decrypt(device.getValue().record, message,
                    device.getValue().preKeys).plaintext();
            assertArrayEquals("status payload".getBytes(UTF_8), PlaintextPadding.unpad(received));
        }
        // what was stored is what the next batch continues from
        Map<SignalAddress, EncryptedSignalMessage> again = sessions.encryptAll(devices.keySet(), payload);
        for (Map.Entry<SignalAddress, SignalTestParty> device : devices.entrySet()) {
            SignalTestParty party = device.getValue();
            assertArrayEquals(payload, party.cipher.decrypt(party.record, again.get(device.getKey()), party.preKeys)
                    .plaintext());
        }
    }

    @Test
    void startingAndEncryptingSideBySideLoadsAndStoresOnceAndEveryDeviceDecrypts() throws Exception {
        SignalTestParty sender = new SignalTestParty();
        CountingSessionStore store = new CountingSessionStore();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            SignalSessions sessions = new SignalSessions(sender.cipher, store, sender.identityStore, sender.preKeys,
                    new ParallelWork(pool, 4));
            SignalAddress known = new SignalAddress("2000_1", 0);
            SignalTestParty knownParty = new SignalTestParty();
            sessions.startSessions(Map.of(known, knownParty.bundle()));
            Map<SignalAddress, SignalTestParty> fresh = parties(60, "3000", 2);
            Map<SignalAddress, PreKeyBundle> bundles = bundlesOf(fresh);
            byte[] payload = PlaintextPadding.pad("key".getBytes(UTF_8), new java.security.SecureRandom());
            Map<SignalAddress, byte[]> plaintexts = new HashMap<>();
            fresh.keySet().forEach(address -> plaintexts.put(address, payload));
            plaintexts.put(known, payload);
            int loadsBefore = store.loads;
            int storesBefore = store.stores;

            SessionBatch result = sessions.startAndEncrypt(bundles, plaintexts);

            assertEquals(1, store.loads - loadsBefore);
            assertEquals(1, store.stores - storesBefore);
            assertEquals(fresh.keySet(), result.started().started(), "the known device was not started again");
            assertEquals(plaintexts.keySet(), result.encrypted().keySet());
            Map<SignalAddress, SignalTestParty> all = new LinkedHashMap<>(fresh);
            all.put(known, knownParty);
            for (Map.Entry<SignalAddress, SignalTestParty> device : all.entrySet()) {
                SignalTestParty party = device.getValue();
                assertArrayEquals(payload, party.cipher.decrypt(party.record, result.encrypted().get(device.getKey()),
                        party.preKeys).plaintext());
            }
            assertEquals(all.keySet(), store.delegate.loadAll(all.keySet()).keySet(), "every session was stored");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPreparedBatchWritesNothingUntilItIsStored() throws Exception {
        SignalTestParty sender = new SignalTestParty();
        CountingSessionStore store = new CountingSessionStore();
        SignalSessions sessions = new SignalSessions(sender.cipher, store, sender.identityStore, sender.preKeys);
        SignalAddress address = new SignalAddress("4000_1", 0);
        SignalTestParty device = new SignalTestParty();
        byte[] payload = PlaintextPadding.pad("key".getBytes(UTF_8), new java.security.SecureRandom());

        SessionBatch batch = sessions.prepare(Map.of(address, device.bundle()), Map.of(address, payload));

        assertEquals(Set.of(address), batch.encrypted().keySet());
        assertEquals(0, store.stores);
        assertTrue(store.delegate.loadAll(List.of(address)).isEmpty());
        assertTrue(sender.identityStore.load(address).isEmpty(), "the identity waits for the store as well");
        sessions.store(batch);
        assertTrue(store.delegate.loadAll(List.of(address)).get(address).hasOpenSession());
        assertArrayEquals(device.bundle().identityKey(), sender.identityStore.load(address).orElseThrow());
        assertArrayEquals(payload, device.cipher.decrypt(device.record, batch.encrypted().get(address), device.preKeys)
                .plaintext());
    }

    @Test
    void pkmsgConsumesThePreKeyAndRemembersTheIdentity() throws Exception {
        SignalTestParty bob = new SignalTestParty();
        SignalTestParty alice = new SignalTestParty();
        SignalAddress aliceAddress = new SignalAddress("2000_1", 1);
        PreKeyBundle bundle = bob.bundle();
        alice.cipher.initiate(alice.record, bundle);

        DecryptedSignalMessage first = bob.sessions.decrypt(aliceAddress, alice.encrypt("one"));
        assertFalse(first.identityChanged(), "first contact is not a change");
        assertTrue(bob.preKeys.load(bundle.preKeyId().getAsInt()).isEmpty());
        assertArrayEquals(alice.identity.identityKey(), bob.identityStore.load(aliceAddress).orElseThrow());
        assertEquals("two", new String(bob.sessions.decrypt(aliceAddress, alice.encrypt("two")).plaintext(), UTF_8));

        EncryptedSignalMessage reply = bob.sessions.encryptAll(Set.of(aliceAddress), "re".getBytes(UTF_8)).get(aliceAddress);
        assertEquals(SignalMessageType.MSG, reply.type());
        assertEquals("re", alice.decrypt(reply));
        assertEquals("three", new String(bob.sessions.decrypt(aliceAddress, alice.encrypt("three")).plaintext(), UTF_8));
    }

    @Test
    void aChangedIdentityIsReportedStoredAndTheOldSessionDropped() throws Exception {
        SignalTestParty bob = new SignalTestParty();
        SignalAddress aliceAddress = new SignalAddress("2000_1", 1);
        SignalTestParty alice = new SignalTestParty();
        alice.initiateWith(bob);
        bob.sessions.decrypt(aliceAddress, alice.encrypt("old"));

        SignalTestParty newAlice = new SignalTestParty();
        newAlice.initiateWith(bob);
        DecryptedSignalMessage result = bob.sessions.decrypt(aliceAddress, newAlice.encrypt("new"));
        assertTrue(result.identityChanged());
        assertArrayEquals(newAlice.identity.identityKey(), bob.identityStore.load(aliceAddress).orElseThrow());
        // old Alice never got a reply, so she still sends pkmsg on her spent one-time pre-key: refused, and the
        // failed attempt changes neither the stored identity nor the session
        byte[] before = bob.sessionStore.load(aliceAddress).orElseThrow().serialize();
        assertThrows(UnknownPreKeyException.class, () -> bob.sessions.decrypt(aliceAddress, alice.encrypt("x")));
        assertArrayEquals(newAlice.identity.identityKey(), bob.identityStore.load(aliceAddress).orElseThrow());
        assertArrayEquals(before, bob.sessionStore.load(aliceAddress).orElseThrow().serialize());

        // as initiator: a bundle with another identity than stored
        SignalAddress carolAddress = new SignalAddress("3000_1", 0);
        SignalTestParty carol = new SignalTestParty();
        assertTrue(bob.sessions.startSessions(Map.of(carolAddress, carol.bundle())).identityChanged().isEmpty());
        assertTrue(bob.sessions.startSessions(Map.of(carolAddress, carol.bundle())).identityChanged().isEmpty(),
                "a second bundle with the same identity is no change");
        SignalTestParty newCarol = new SignalTestParty();
        SessionStartReport report = bob.sessions.startSessions(Map.of(carolAddress, newCarol.bundle()));
        assertEquals(Set.of(carolAddress), report.identityChanged());
        SessionRecord stored = bob.sessionStore.load(carolAddress).orElseThrow();
        assertArrayEquals(newCarol.identity.identityKey(), stored.remoteIdentityKey().orElseThrow());
    }

    @Test
    void identityStoreReportsOnlyReplacements() {
        InMemoryIdentityKeyStore store = new InMemoryIdentityKeyStore();
        SignalAddress a = new SignalAddress("1_1", 0);
        SignalAddress b = new SignalAddress("2_1", 0);
        byte[] key = new byte[32];
        byte[] other = new byte[32];
        other[5] = 1;
        assertFalse(store.save(a, key), "first use");
        assertFalse(store.save(a, key.clone()), "same key");
        assertTrue(store.save(a, other), "replaced");
        assertEquals(Set.of(a), store.saveAll(Map.of(a, key, b, key)));
        assertEquals(Set.of(a, b), store.loadAll(List.of(a, b, new SignalAddress("3_1", 0))).keySet());
    }

    @Test
    void messageWithoutSessionIsRefused() throws Exception {
        SignalTestParty alice = new SignalTestParty();
        SignalTestParty bob = new SignalTestParty();
        alice.initiateWith(bob);
        bob.decrypt(alice.encrypt("syn"));
        EncryptedSignalMessage msg = bob.encrypt("ack");
        assertThrows(NoSessionException.class, () -> new SignalTestParty().sessions.decrypt(new SignalAddress("9_1", 0), msg));
    }
}
