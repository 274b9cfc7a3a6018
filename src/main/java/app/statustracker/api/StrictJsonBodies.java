package app.statustracker.api;

import app.statustracker.service.errors.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a JSON request body before the binding sees it, for what the binding lets through or explains badly: it
 * must be UTF-8, one JSON object (not an array, string, number, boolean or null), without a key given twice at any
 * depth, and with only the fields of the request class. Each refusal is a 400 naming the problem; a typo such as
 * {@code targetNumber} must never post to the default audience. Field types are left to the binding, which refuses
 * a wrong one by name ({@code StrictStringDeserializer}).
 */
@Provider
public class StrictJsonBodies implements ReaderInterceptor {
    /* far deeper than any request of this API; refused before a parser or the binding has to go there */
    private static final int MAX_DEPTH = 32;
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType()) || !isRequestClass(context.getType())) {
            return context.proceed();
        }
        // BodyLimitFilter has capped the stream at 1 MiB already, so holding it whole is bounded
        byte[] body = context.getInputStream().readAllBytes();
        check(body, context.getType());
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** Only our own request classes: everything else that reads JSON keeps the platform's rules. */
    private static boolean isRequestClass(Class<?> type) {
        return type.getName().startsWith("app.statustracker.api.") && !type.isRecord() && !type.isInterface();
    }

    /** @throws InvalidInputException for the first problem found */
    static void check(byte[] body, Class<?> requestClass) {
        if (body.length == 0) {
            throw new InvalidInputException("The request body is empty: send a JSON object");
        }
        String text = strictUtf8(body);
        Set<String> fields = fieldsOf(requestClass);
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            JsonParser.Event first = parser.next();
            if (first != JsonParser.Event.START_OBJECT) {
                throw new InvalidInputException("The request body must be a JSON object, not " + describe(first));
            }
            // the keys seen so far in each open object (an array's slot holds none)
            Deque<Set<String>> open = new ArrayDeque<>();
            open.push(new HashSet<>());
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case KEY_NAME -> {
                        String key = parser.getString();
                        if (!open.peek().add(key)) {
                            throw new InvalidInputException("Duplicate field '" + printable(key) + "' in the JSON body");
                        }
                        if (open.size() == 1 && !fields.contains(key)) {
                            throw new InvalidInputException("Unknown field '" + printable(key) + "'; this request takes "
                                    + String.join(", ", new TreeSet<>(fields)));
                        }
                    }
                    case START_OBJECT -> open.push(new HashSet<>());
                    case START_ARRAY -> open.push(Set.of());
                    case END_OBJECT, END_ARRAY -> open.pop();
                    default -> {
                        // values: their types are the binding's to check
                    }
                }
                if (open.size() > MAX_DEPTH) {
                    throw new InvalidInputException("The JSON body nests deeper than " + MAX_DEPTH + " levels");
                }
            }
        } catch (JsonParsingException e) {
            throw new InvalidInputException("Malformed JSON body" + (e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber()));
        } catch (JsonException e) {
            throw new InvalidInputException("Malformed JSON body"); // the parser's own limits; its message is internal
        }
    }

    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("The request body is not valid UTF-8");
        }
    }

    private static Set<String> fieldsOf(Class<?> type) {
        Set<String> names = new HashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Arrays.stream(c.getDeclaredFields())
                    .filter(f -> Modifier.isPublic(f.getModifiers()) && !Modifier.isStatic(f.getModifiers()))
                    .map(Field::getName).forEach(names::add);
        }
        return names;
    }

    private static String describe(JsonParser.Event event) {
        return switch (event) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "that";
        };
    }

    /** A field name as the client sent it, cut short and without control characters, fit for an error message. */
    private static String printable(String key) {
        String clean = key.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }
}
