package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.signal.InvalidPaddingException;
import app.statustracker.wa.signal.PlaintextPadding;
import app.statustracker.wa.signal.PreKeyBundle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in for the Signal library: sessions are a set, "ciphertexts" are a readable prefix plus the padded
 * plaintext, so tests can open them again. Sessions stay unconfirmed (pkmsg) until {@link #confirm} — as with
 * libsignal, which keeps sending pkmsg until the peer answers. Records every batch call.
 */
public final class FakeStatusEncryption implements StatusEncryption {
    private final Set<Jid> sessions = new HashSet<>();
    private final Set<Jid> unconfirmed = new HashSet<>();
    private final Set<Jid> refuseBundles = new HashSet<>();
    private int keyId = 1000;
    private boolean haveKey;
    final List<Set<Jid>> sessionLookups = new ArrayList<>();
    final List<Set<Jid>> startedBatches = new ArrayList<>();
    final List<List<Jid>> pairwiseBatches = new ArrayList<>();
    final List<byte[]> pairwisePlaintexts = new ArrayList<>();
    int rotations;

    synchronized void confirm(Collection<Jid> devices) {
        unconfirmed.removeAll(devices);
    }

    synchronized void refuseBundleOf(Jid device) {
        refuseBundles.add(device);
    }

    synchronized boolean hasSession(Jid device) {
        return sessions.contains(device);
    }

    @Override
    public synchronized Set<Jid> devicesWithoutSession(Collection<Jid> devices) {
        sessionLookups.add(new LinkedHashSet<>(devices));
        Set<Jid> missing = new LinkedHashSet<>(devices);
        missing.removeAll(sessions);
        return missing;
    }

    @Override
    public synchronized Map<Jid, String> startSessions(Map<Jid, PreKeyBundle> bundles) {
        startedBatches.add(new LinkedHashSet<>(bundles.keySet()));
        Map<Jid, String> failed = new HashMap<>();
        bundles.forEach((device, bundle) -> {
            if (refuseBundles.contains(device)) {
                failed.put(device, "bad signature");
            } else {
                sessions.add(device);
                unconfirmed.add(device);
            }
        });
        return failed;
    }

    @Override
    public synchronized PairwiseBatch encryptPairwise(byte[] paddedPlaintext, Collection<Jid> devices) {
        pairwiseBatches.add(List.copyOf(devices));
        pairwisePlaintexts.add(paddedPlaintext.clone());
        Map<Jid, PairwiseCiphertext> encrypted = new HashMap<>();
        Map<Jid, String> failed = new HashMap<>();
        for (Jid device : devices) {
            if (!sessions.contains(device)) {
                failed.put(device, "no session");
                continue;
            }
            String type = unconfirmed.contains(device) ? PairwiseCiphertext.PKMSG : PairwiseCiphertext.MSG;
            encrypted.put(device, new PairwiseCiphertext(type, seal("P|" + device + "|", paddedPlaintext)));
        }
        return new PairwiseBatch(encrypted, failed);
    }

    @Override
    public synchronized SenderKeyDistribution currentSenderKey() {
        haveKey = true;
        return new SenderKeyDistribution(keyId, ("SKDM-" + keyId).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public synchronized byte[] encryptWithSenderKey(byte[] paddedPlaintext) {
        if (!haveKey) {
            throw new IllegalStateException("no sender key yet");
        }
        return seal("S|" + keyId + "|", paddedPlaintext);
    }

    @Override
    public synchronized void rotateSenderKey() {
        rotations++;
        keyId++;
        haveKey = false;
    }

    synchronized int keyId() {
        return keyId;
    }

    /** The padded plaintext inside a fake ciphertext, after its prefix (which must be as given). */
    static byte[] open(String expectedPrefix, byte[] ciphertext) {
        byte[] prefix = expectedPrefix.getBytes(StandardCharsets.US_ASCII);
        if (ciphertext.length < prefix.length || !Arrays.equals(prefix, Arrays.copyOf(ciphertext, prefix.length))) {
            throw new AssertionError("ciphertext does not start with " + expectedPrefix);
        }
        try {
            return PlaintextPadding.unpad(Arrays.copyOfRange(ciphertext, prefix.length, ciphertext.length));
        } catch (InvalidPaddingException e) {
            throw new AssertionError("badly padded plaintext", e);
        }
    }

    private static byte[] seal(String prefix, byte[] padded) {
        byte[] head = prefix.getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = Arrays.copyOf(head, head.length + padded.length);
        System.arraycopy(padded, 0, sealed, head.length, padded.length);
        return sealed;
    }
}
