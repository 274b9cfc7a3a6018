package app.statustracker.wa.client;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.binary.Node;
import app.statustracker.wa.signal.PreKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * After {@code <success>} (docs/protocol.md, Login, whatsmeow handleConnectSuccess): store the LID, ask how many
 * pre-keys the server holds, top them up, leave passive mode, then report LoggedIn. A failed step is logged
 * and the next one still runs: none of them makes the connection unusable.
 */
final class LoginFlow {
    private static final System.Logger LOG = System.getLogger(LoginFlow.class.getName());

    private final ClientSession session;
    private final WaClient client;

    LoginFlow(ClientSession session, WaClient client) {
        this.session = session;
        this.client = client;
    }

    void onSuccess(Node success) {
        Jid lid = Jid.tryParse(success.attr("lid")).filter(Jid::isLid).orElse(null);
        DeviceCredentials credentials = client.updateCredentials(current ->
                lid != null && !lid.equals(current.me().lid()) ? current.withMe(current.me().withLid(lid)) : current);
        session.sendIq(ClientStanzas.preKeyCount())
                .thenCompose(answer -> refillIfLow(countIn(answer)))
                .exceptionally(failure -> {
                    LOG.log(System.Logger.Level.WARNING, "pre-key count/upload failed: " + failure);
                    return null;
                })
                .thenCompose(ignored -> session.sendIq(ClientStanzas.passiveActive()))
                .whenComplete((answer, failure) -> {
                    if (failure != null) {
                        LOG.log(System.Logger.Level.WARNING, "passive/active failed: " + failure);
                    }
                    if (session.isOpen()) {
                        session.markLoggedIn();
                        client.emit(new ClientEvent.LoggedIn(credentials.me().phoneNumber(), credentials.me().lid()));
                    }
                });
    }

    /** {@code <notification type="encrypt"><count value="N"/></notification>}: the server runs low. */
    void onServerCount(int count) {
        refillIfLow(count).exceptionally(failure -> {
            LOG.log(System.Logger.Level.WARNING, "pre-key upload failed: " + failure);
            return null;
        });
    }

    /** whatsmeow's rule: a full batch when the server holds none, a refill when it holds fewer than the minimum. */
    CompletableFuture<Void> refillIfLow(int serverCount) {
        ClientConfig config = client.config();
        if (serverCount < 0 || serverCount >= config.minPreKeyCount()) {
            return CompletableFuture.completedFuture(null);
        }
        int batch = serverCount == 0 ? config.initialPreKeyBatch() : config.refillPreKeyBatch();
        return CompletableFuture.supplyAsync(() -> generate(batch))
                .thenCompose(preKeys -> session.sendIq(ClientStanzas.preKeyUpload(client.credentials(), preKeys))
                        .thenAccept(answer -> {
                            if (!"result".equals(answer.attr("type"))) {
                                throw new IllegalStateException("pre-key upload refused: " + answer);
                            }
                            int uploadedUpTo = preKeys.get(preKeys.size() - 1).id() + 1;
                            client.updateCredentials(current -> current.withPreKeyCounters(current.nextPreKeyId(),
                                    Math.max(current.firstUnuploadedPreKeyId(),
                                            Math.min(uploadedUpTo, current.nextPreKeyId()))));
                        }));
    }

    /** Allocates ids from the credentials' counter, stores the keys, then persists the counter. */
    List<PreKey> generate(int count) {
        List<PreKey> preKeys = new ArrayList<>(count);
        client.updateCredentials(current -> {
            preKeys.clear();
            int next = current.nextPreKeyId();
            for (int i = 0; i < count; i++) {
                if (next > PreKey.MAX_ID) {
                    next = 1; // 24-bit ids wrap, as in whatsmeow; old ones are long consumed
                }
                preKeys.add(PreKey.generate(next++));
            }
            client.preKeyStore().store(preKeys);
            int firstUnuploaded = Math.min(current.firstUnuploadedPreKeyId(), next);
            return current.withPreKeyCounters(next, firstUnuploaded);
        });
        return preKeys;
    }

    private static int countIn(Node answer) {
        String value = answer.child("count").map(node -> node.attr("value")).orElse(null);
        try {
            return value == null ? -1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
