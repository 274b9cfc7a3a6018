package app.statustracker.simulator.state;

import app.statustracker.wa.crypto.XEdDsa;
import app.statustracker.wa.proto.AdvProtos.ADVKeyIndexList;
import app.statustracker.wa.proto.AdvProtos.ADVSignedKeyIndexList;
import com.google.protobuf.ByteString;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The {@code <key-index-list>} of a usync device answer (docs/protocol.md, Status stanza): ADVSignedKeyIndexList with
 * the account's raw id, a timestamp, the newest key index and the indexes of the companions still linked, signed by the
 * account key over {@code 06 02 ‖ details} [REPORTED: WA Web ADV_PREFIX_KEY_INDEX_LIST_ACCOUNT_SIGNATURE].
 * Baileys and whatsmeow do not verify it; a client that does can.
 */
public final class KeyIndexList {
    static final byte[] SIGNATURE_PREFIX = {6, 2};
    /*
     * The primary phone signs the list when its companions change and the server hands out that signed list; it
     * does not sign one per query. Signing per usync user made a 500-user query cost the simulator seconds.
     */
    private static final Map<Account, Signed> LATEST = Collections.synchronizedMap(new WeakHashMap<>());

    /** A signed list and the time in it (the {@code ts} attribute of {@code <key-index-list>}). */
    public record Signed(long timestamp, byte[] bytes, int currentIndex, List<Integer> validIndexes) {
    }

    private KeyIndexList() {
    }

    /** The list for the account's current companions: the one signed last, unless they changed since. */
    public static Signed current(Account account, long now) {
        int currentIndex = account.currentKeyIndex();
        List<Integer> valid = account.devices().stream().map(RegisteredDevice::keyIndex).toList();
        Signed latest = LATEST.get(account);
        if (latest != null && latest.currentIndex() == currentIndex && latest.validIndexes().equals(valid)) {
            return latest;
        }
        Signed fresh = new Signed(now, signed(account, now), currentIndex, valid);
        LATEST.put(account, fresh);
        return fresh;
    }

    public static byte[] signed(Account account, long timestamp) {
        ADVKeyIndexList.Builder details = ADVKeyIndexList.newBuilder().setRawId(account.advRawId())
                .setTimestamp(timestamp).setCurrentIndex(account.currentKeyIndex());
        account.devices().forEach(device -> details.addValidIndexes(device.keyIndex()));
        byte[] detailBytes = details.build().toByteArray();
        byte[] message = new byte[SIGNATURE_PREFIX.length + detailBytes.length];
        System.arraycopy(SIGNATURE_PREFIX, 0, message, 0, SIGNATURE_PREFIX.length);
        System.arraycopy(detailBytes, 0, message, SIGNATURE_PREFIX.length, detailBytes.length);
        return ADVSignedKeyIndexList.newBuilder()
                .setDetails(ByteString.copyFrom(detailBytes))
                .setAccountSignature(ByteString.copyFrom(XEdDsa.sign(account.identityKey().privateKey(), message)))
                .build().toByteArray();
    }
}
