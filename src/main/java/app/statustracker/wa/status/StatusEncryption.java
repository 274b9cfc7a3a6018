package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.signal.PreKeyBundle;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The Signal operations a status poster needs, behind one narrow seam so that {@link StatusSender} does not
 * depend on how sessions and sender keys are stored (docs/protocol.md, Signal and Status stanza). Devices are LID
 * device JIDs ({@code <lid>:<dev>@lid}); an implementation maps them to {@code SignalAddress.of(jid)}.
 *
 * <p>Every method takes or returns a whole batch, so that an implementation can read all sessions of an audience
 * of thousands in one store call, work on them in memory, and write them back in one call. Calls for one client
 * come one at a time (the sender serialises its posts); implementations need not be thread-safe per client.
 * The status sender key is ours under our own LID device ({@code status@broadcast::<lid>_1::<dev>}); the
 * implementation knows that address.
 */
public interface StatusEncryption {

    /** Those of {@code devices} with no Signal session yet: they need a pre-key bundle first. */
    Set<Jid> devicesWithoutSession(Collection<Jid> devices);

    /**
     * Starts a session (X3DH as initiator) with each device from its fetched bundle, trusting the identity on
     * first use. Returns the devices that could not be started, with the reason (e.g. a bad signed pre-key
     * signature); the others are stored.
     */
    Map<Jid, String> startSessions(Map<Jid, PreKeyBundle> bundles);

    /**
     * Encrypts one already padded plaintext pairwise for every device, advancing and storing each session; the
     * result says per device whether it became a {@code pkmsg} or a {@code msg}.
     */
    PairwiseBatch encryptPairwise(byte[] paddedPlaintext, Collection<Jid> devices);

    /**
     * {@link #startSessions} and then {@link #encryptPairwise}, which an implementation may do in one pass over the
     * sessions (a first post starts and encrypts to the same thousand devices), with the session writes left to the
     * caller: it runs {@code store} on the same serial queue before any other Signal work of this client, so the
     * ciphertexts can go out meanwhile. Until then the devices count as having no session; an implementation may
     * also store at once. A device whose start failed is in the batch's failures unless an older session could
     * still be used.
     */
    default PendingPairwise prepareAndEncryptPairwise(Map<Jid, PreKeyBundle> bundles, byte[] paddedPlaintext,
                                                      Collection<Jid> devices) {
        if (!bundles.isEmpty()) {
            startSessions(bundles);
        }
        return new PendingPairwise(encryptPairwise(paddedPlaintext, devices), () -> { });
    }

    /** Pairwise ciphertexts whose sessions are written by {@code store}. */
    record PendingPairwise(PairwiseBatch batch, Runnable store) {
    }

    /** The SKDM of our current status sender key, creating the key when there is none. */
    SenderKeyDistribution currentSenderKey();

    /** Encrypts the padded status message with the current sender key: the {@code skmsg} bytes. */
    byte[] encryptWithSenderKey(byte[] paddedPlaintext);

    /**
     * Drops the current sender key; the next {@link #currentSenderKey()} creates a fresh one with a new key id.
     * Called when a device that held the key has left the audience, so it cannot read later statuses.
     */
    void rotateSenderKey();
}
