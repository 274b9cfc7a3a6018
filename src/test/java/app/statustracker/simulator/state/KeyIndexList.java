package app.statustracker.simulator.state;

import app.statustracker.wa.crypto.XEdDsa;
import app.statustracker.wa.proto.AdvProtos.ADVKeyIndexList;
import app.statustracker.wa.proto.AdvProtos.ADVSignedKeyIndexList;
import com.google.protobuf.ByteString;

/**
 * The {@code <key-index-list>} of a usync device answer (§8.2): ADVSignedKeyIndexList with the account's
 * raw id, a timestamp, the newest key index and the indexes of the companions still linked, signed by the
 * account key over {@code 06 02 ‖ details} [REPORTED: WA Web ADV_PREFIX_KEY_INDEX_LIST_ACCOUNT_SIGNATURE].
 * Baileys and whatsmeow do not verify it; a client that does can.
 */
public final class KeyIndexList {
    static final byte[] SIGNATURE_PREFIX = {6, 2};

    private KeyIndexList() {
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
