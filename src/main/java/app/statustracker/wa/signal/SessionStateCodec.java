package app.statustracker.wa.signal;

import app.statustracker.wa.crypto.Curve25519KeyPair;
import app.statustracker.wa.proto.SignalSessionRecordProtos.ChainData;
import app.statustracker.wa.proto.SignalSessionRecordProtos.PendingPreKeyData;
import app.statustracker.wa.proto.SignalSessionRecordProtos.ReceivingChainData;
import app.statustracker.wa.proto.SignalSessionRecordProtos.SessionStateData;
import app.statustracker.wa.proto.SignalSessionRecordProtos.SkippedMessageKey;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalInt;

/** {@link SessionState} to and from our storage proto (signal_session_record.proto). */
final class SessionStateCodec {
    private SessionStateCodec() {
    }

    static SessionStateData encode(SessionState state) {
        SessionStateData.Builder data = SessionStateData.newBuilder()
                .setRemoteRegistrationId(state.remoteRegistrationId)
                .setRemoteIdentityKey(bytes(state.remoteIdentityKey))
                .setBaseKey(bytes(state.baseKey))
                .setBaseKeyOurs(state.baseKeyOurs)
                .setRootKey(bytes(state.rootKey.key()))
                .setOurRatchetPrivateKey(bytes(state.ourRatchetKey.privateKey()))
                .setRemoteRatchetKey(bytes(state.remoteRatchetKey))
                .setPreviousCounter(state.previousCounter);
        if (state.sendingChain != null) {
            data.setSendingChain(chain(state.sendingChain.key(), state.sendingChain.index()));
        }
        for (ReceivingChain chain : state.receivingChains) {
            ReceivingChainData.Builder receiving = ReceivingChainData.newBuilder()
                    .setRatchetKey(bytes(chain.ratchetKey()))
                    .setChain(chain(chain.key(), chain.index()));
            chain.skipped().forEach((index, seed) ->
                    receiving.addSkipped(SkippedMessageKey.newBuilder().setIndex(index).setSeed(bytes(seed))));
            data.addReceivingChains(receiving);
        }
        if (state.pendingPreKey != null) {
            PendingPreKeyData.Builder pending = PendingPreKeyData.newBuilder()
                    .setSignedPreKeyId(state.pendingPreKey.signedPreKeyId())
                    .setBaseKey(bytes(state.pendingPreKey.baseKey()));
            state.pendingPreKey.preKeyId().ifPresent(pending::setPreKeyId);
            data.setPendingPreKey(pending);
        }
        return data.build();
    }

    static SessionState decode(SessionStateData data) {
        if (!data.hasRootKey() || !data.hasOurRatchetPrivateKey() || !data.hasRemoteIdentityKey()
                || !data.hasBaseKey() || !data.hasRemoteRatchetKey()) {
            throw new IllegalArgumentException("stored session state lacks keys");
        }
        List<ReceivingChain> chains = new ArrayList<>();
        for (ReceivingChainData chain : data.getReceivingChainsList()) {
            LinkedHashMap<Integer, byte[]> skipped = new LinkedHashMap<>();
            chain.getSkippedList().forEach(key -> skipped.put(key.getIndex(), key.getSeed().toByteArray()));
            chains.add(new ReceivingChain(chain.getRatchetKey().toByteArray(),
                    chain.getChain().hasKey() ? chain.getChain().getKey().toByteArray() : null,
                    chain.getChain().getIndex(), skipped));
        }
        ChainKey sending = data.hasSendingChain()
                ? new ChainKey(data.getSendingChain().getKey().toByteArray(), data.getSendingChain().getIndex()) : null;
        PendingPreKey pending = null;
        if (data.hasPendingPreKey()) {
            PendingPreKeyData p = data.getPendingPreKey();
            pending = new PendingPreKey(p.hasPreKeyId() ? OptionalInt.of(p.getPreKeyId()) : OptionalInt.empty(),
                    p.getSignedPreKeyId(), p.getBaseKey().toByteArray());
        }
        return new SessionState(data.getRemoteRegistrationId(), data.getRemoteIdentityKey().toByteArray(),
                data.getBaseKey().toByteArray(), data.getBaseKeyOurs(), new RootKey(data.getRootKey().toByteArray()),
                Curve25519KeyPair.fromPrivateKey(data.getOurRatchetPrivateKey().toByteArray()),
                data.getRemoteRatchetKey().toByteArray(), data.getPreviousCounter(), sending, chains, pending);
    }

    private static ChainData chain(byte[] key, int index) {
        ChainData.Builder chain = ChainData.newBuilder().setIndex(index);
        if (key != null) {
            chain.setKey(bytes(key));
        }
        return chain.build();
    }

    private static ByteString bytes(byte[] value) {
        return ByteString.copyFrom(value);
    }
}
