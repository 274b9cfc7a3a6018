package app.statustracker.api;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * Text fields take JSON strings only. Yasson would otherwise turn {@code 12} into "12" and an array into its
 * last element, so a wrong type would be stored instead of refused.
 */
public class StrictStringDeserializer implements JsonbDeserializer<String> {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
        // Yasson hands over the parser positioned on the value; getValue() reads it whole, arrays included
        JsonValue value = parser.getValue();
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NULL -> null;
            case ARRAY -> throw new JsonbException("expected a string but found an array");
            case OBJECT -> throw new JsonbException("expected a string but found an object");
            case NUMBER -> throw new JsonbException("expected a string but found a number");
            default -> throw new JsonbException("expected a string but found a boolean");
        };
    }
}
