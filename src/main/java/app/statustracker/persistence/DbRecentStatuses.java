package app.statustracker.persistence;

import app.statustracker.persistence.proto.StoredSentStatusProtos.StoredSentStatus;
import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.status.RecentStatuses;
import app.statustracker.wa.status.SentStatus;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The statuses one linked device sent in the last day, sealed in {@code sent_status_payloads}, so that a viewer's
 * retry receipt is answered even after a restart (docs/protocol.md, Retries). Statuses expire after 24 hours, and so do
 * their rows: each new one deletes those older than that.
 */
public final class DbRecentStatuses implements RecentStatuses {
    static final Duration KEPT = Duration.ofHours(24);

    private final SealedRecordRepository repository;
    private final long sessionPk;
    private final Clock clock;

    public DbRecentStatuses(SealedRecordRepository repository, long sessionPk, Clock clock) {
        this.repository = repository;
        this.sessionPk = sessionPk;
        this.clock = clock;
    }

    @Override
    public void remember(SentStatus status) {
        StoredSentStatus stored = StoredSentStatus.newBuilder()
                .setMessage(ByteString.copyFrom(status.message()))
                .setRevoke(status.revoke())
                .setSenderKeyId(status.senderKeyId())
                .addAllAudience(status.audience().stream().map(Jid::toString).sorted().toList())
                .setSentAtMillis(status.sentAt().toEpochMilli())
                .build();
        repository.store(SealedTable.SENT_STATUS_PAYLOADS, sessionPk, status.id(), stored.toByteArray());
        repository.deleteOlderThan(SealedTable.SENT_STATUS_PAYLOADS, sessionPk, clock.instant().minus(KEPT));
    }

    @Override
    public Optional<SentStatus> find(String messageId) {
        return repository.load(SealedTable.SENT_STATUS_PAYLOADS, sessionPk, messageId).flatMap(bytes -> {
            StoredSentStatus stored;
            try {
                stored = StoredSentStatus.parseFrom(bytes);
            } catch (InvalidProtocolBufferException e) {
                throw new KeyMaterialUnreadableException("sent_status_payloads/" + sessionPk + "/" + messageId);
            }
            Instant sentAt = Instant.ofEpochMilli(stored.getSentAtMillis());
            if (sentAt.isBefore(clock.instant().minus(KEPT))) {
                return Optional.empty();
            }
            Set<Jid> audience = stored.getAudienceList().stream().map(Jid::tryParse).flatMap(Optional::stream)
                    .collect(Collectors.toSet());
            return Optional.of(new SentStatus(messageId, stored.getMessage().toByteArray(), stored.getRevoke(),
                    stored.getSenderKeyId(), audience, sentAt));
        });
    }
}
