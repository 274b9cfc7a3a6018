package app.statustracker.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Stores every {@link OffsetDateTime} as a UTC {@code TIMESTAMP}: the columns have no zone, and the server's
 * own zone must never leak into what we read back.
 */
@Converter(autoApply = true)
public class UtcTimestampConverter implements AttributeConverter<OffsetDateTime, LocalDateTime> {
    @Override
    public LocalDateTime convertToDatabaseColumn(OffsetDateTime value) {
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    @Override
    public OffsetDateTime convertToEntityAttribute(LocalDateTime value) {
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }
}
