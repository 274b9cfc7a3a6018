package app.statustracker.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link StatusType} as the seed's lower-case word, the form rows seeded by SQL use too. */
@Converter(autoApply = true)
public class StatusTypeConverter implements AttributeConverter<StatusType, String> {
    @Override
    public String convertToDatabaseColumn(StatusType value) {
        return value == null ? null : value.wire();
    }

    @Override
    public StatusType convertToEntityAttribute(String value) {
        return value == null ? null : StatusType.fromWire(value)
                .orElseThrow(() -> new IllegalStateException("unknown status type in the database: " + value));
    }
}
