package app.statustracker.api.errors;

import app.statustracker.api.BodyTooLargeException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;

/**
 * Reading a body can fail deep inside the JSON binding, wrapped several times; these helpers look down the
 * cause chain for what really happened and say it without leaking internals.
 */
final class BodyErrors {
    static final String TOO_LARGE = "Request body too large";

    private BodyErrors() {
    }

    static boolean tooLarge(Throwable e) {
        return find(e, BodyTooLargeException.class) != null;
    }

    static boolean isJsonProblem(Throwable e) {
        return find(e, JsonbException.class) != null || find(e, JsonParsingException.class) != null
                || find(e, jakarta.json.JsonException.class) != null;
    }

    static String describe(Throwable e) {
        JsonParsingException parsing = find(e, JsonParsingException.class);
        if (parsing != null) {
            return "Malformed JSON body" + (parsing.getLocation() == null ? ""
                    : " at line " + parsing.getLocation().getLineNumber() + ", column "
                    + parsing.getLocation().getColumnNumber());
        }
        JsonbException binding = find(e, JsonbException.class);
        if (binding != null) {
            String m = binding.getMessage() == null ? "" : binding.getMessage();
            if (m.contains("nknown propert") || m.contains("not found in")) {
                return "Invalid JSON body: unknown field (" + firstLine(m) + ")";
            }
            return "Invalid JSON body: " + firstLine(m);
        }
        return "Bad request";
    }

    private static String firstLine(String m) {
        String line = m.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
