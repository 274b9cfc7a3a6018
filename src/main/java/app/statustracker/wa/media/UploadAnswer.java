package app.statustracker.wa.media;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads the media host's JSON answer to an upload, {@code {"url": "...", "direct_path": "...", ...}}. The protocol
 * library takes no JSON dependency, and only top-level string members matter here, so this reads exactly one flat
 * object: string members are kept (with JSON escapes resolved), other values are skipped.
 */
final class UploadAnswer {
    private final String text;
    private int at;

    private UploadAnswer(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException when the text is not a JSON object */
    static Map<String, String> strings(String json) {
        return new UploadAnswer(json).object();
    }

    private Map<String, String> object() {
        Map<String, String> members = new HashMap<>();
        skipSpace();
        expect('{');
        skipSpace();
        if (peek() == '}') {
            return members;
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            if (peek() == '"') {
                members.put(key, string());
            } else {
                skipValue();
            }
            skipSpace();
            char next = next();
            if (next == '}') {
                return members;
            }
            if (next != ',') {
                throw new IllegalArgumentException("expected , or } at " + (at - 1));
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw new IllegalArgumentException("short \\u escape");
                    }
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> throw new IllegalArgumentException("bad escape \\" + e);
            }
        }
    }

    /** Skips a number, literal, array or object, minding strings inside nested values. */
    private void skipValue() {
        int depth = 0;
        while (true) {
            char c = peek();
            if (c == '"') {
                string();
                if (depth == 0) {
                    return;
                }
                continue;
            }
            if (depth == 0 && (c == ',' || c == '}')) {
                return;
            }
            at++;
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw new IllegalArgumentException("the JSON ends early");
        }
        return text.charAt(at);
    }

    private char next() {
        char c = peek();
        at++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw new IllegalArgumentException("expected " + c + " at " + (at - 1));
        }
    }
}
