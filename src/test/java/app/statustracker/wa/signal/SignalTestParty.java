package app.statustracker.wa.signal;

import app.statustracker.wa.client.InMemoryPreKeyStore;
import app.statustracker.wa.crypto.Curve25519;
import app.statustracker.wa.crypto.Curve25519KeyPair;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.OptionalInt;

/** One pure-Java Signal device for tests: keys, a pre-key store, a cipher and its record of one peer. */
final class SignalTestParty {
    private static final SecureRandom RANDOM = new SecureRandom();

    final LocalSignalIdentity identity;
    final InMemoryPreKeyStore preKeys = new InMemoryPreKeyStore();
    final SessionCipher cipher;
    final InMemorySignalSessionStore sessionStore = new InMemorySignalSessionStore();
    final InMemoryIdentityKeyStore identityStore = new InMemoryIdentityKeyStore();
    /** The store-backed API over the same keys (its records are separate from {@link #record}). */
    final SignalSessions sessions;
    SessionRecord record = new SessionRecord();
    private int nextPreKeyId = 1;

    SignalTestParty() {
        Curve25519KeyPair identityKey = Curve25519.generateKeyPair();
        identity = new LocalSignalIdentity(identityKey, 1 + RANDOM.nextInt(16380),
                SignedPreKey.generate(identityKey, 1 + RANDOM.nextInt(1000)));
        cipher = new SessionCipher(identity);
        sessions = new SignalSessions(cipher, sessionStore, identityStore, preKeys);
    }

    /** A bundle as the server would hand it out, with a fresh one-time pre-key unless {@code withOneTime} is false. */
    PreKeyBundle bundle(boolean withOneTime) {
        SignedPreKey signed = identity.signedPreKey();
        if (!withOneTime) {
            return new PreKeyBundle(identity.registrationId(), identity.identityKey(), signed.id(),
                    signed.keyPair().publicKey(), signed.signature(), OptionalInt.empty(), null);
        }
        PreKey oneTime = PreKey.generate(nextPreKeyId++);
        preKeys.store(List.of(oneTime));
        return new PreKeyBundle(identity.registrationId(), identity.identityKey(), signed.id(),
                signed.keyPair().publicKey(), signed.signature(), OptionalInt.of(oneTime.id()),
                oneTime.keyPair().publicKey());
    }

    PreKeyBundle bundle() {
        return bundle(true);
    }

    void initiateWith(SignalTestParty peer) throws Exception {
        cipher.initiate(record, peer.bundle());
    }

    EncryptedSignalMessage encrypt(String text) throws NoSessionException {
        return cipher.encrypt(record, text.getBytes(StandardCharsets.UTF_8));
    }

    String decrypt(EncryptedSignalMessage message) throws Exception {
        DecryptedSignalMessage result = cipher.decrypt(record, message, preKeys);
        result.consumedPreKeyId().ifPresent(preKeys::remove);
        return new String(result.plaintext(), StandardCharsets.UTF_8);
    }
}
