package app.statustracker.persistence;

import java.time.OffsetDateTime;

/** One viewer of a status as stored; phone number null when neither the receipt nor the LID map told it. */
public record ViewerRow(String phoneNumber, String jid, OffsetDateTime deliveredAt, OffsetDateTime viewedAt,
                        OffsetDateTime playedAt) {
}
