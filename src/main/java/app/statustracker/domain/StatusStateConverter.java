package app.statustracker.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link StatusState} as its lower-case API word. */
@Converter(autoApply = true)
public class StatusStateConverter implements AttributeConverter<StatusState, String> {
    @Override
    public String convertToDatabaseColumn(StatusState value) {
        return value == null ? null : value.wire();
    }

    @Override
    public StatusState convertToEntityAttribute(String value) {
        return value == null ? null : StatusState.fromWire(value)
                .orElseThrow(() -> new IllegalStateException("unknown status state in the database: " + value));
    }
}
