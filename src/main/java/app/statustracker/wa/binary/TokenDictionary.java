package app.statustracker.wa.binary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The v3 token dictionaries: one single-byte list (index 0 is an unused placeholder) and four double-byte
 * lists of 256. They are protocol data, kept in {@code tokens-v3.txt} as generated from the pinned Baileys
 * package by {@code src/test/node/extract-tokens.mjs}; a test pins their fingerprints (docs/protocol.md, Binary nodes).
 */
public final class TokenDictionary {

    static final String RESOURCE = "tokens-v3.txt";
    static final int DOUBLE_DICTIONARIES = 4;

    /** Where a string sits in the dictionaries; {@code dictionary} is -1 for a single-byte token. */
    public record Token(int dictionary, int index) {
        public boolean isSingleByte() {
            return dictionary < 0;
        }
    }

    private static final class Holder {
        static final TokenDictionary V3 = load();
    }

    private final List<String> single;
    private final List<List<String>> doubles;
    private final Map<String, Token> byText;

    private TokenDictionary(List<String> single, List<List<String>> doubles) {
        this.single = List.copyOf(single);
        this.doubles = doubles.stream().map(List::copyOf).toList();
        // Same precedence as Baileys' TOKEN_MAP: later entries overwrite earlier ones (v3 has no duplicates,
        // but a future dictionary might, and the encoder must then pick what Baileys picks).
        Map<String, Token> map = new HashMap<>();
        for (int i = 1; i < this.single.size(); i++) {
            map.put(this.single.get(i), new Token(-1, i));
        }
        for (int d = 0; d < this.doubles.size(); d++) {
            List<String> dictionary = this.doubles.get(d);
            for (int i = 0; i < dictionary.size(); i++) {
                map.put(dictionary.get(i), new Token(d, i));
            }
        }
        map.remove("");
        this.byText = Map.copyOf(map);
    }

    public static TokenDictionary v3() {
        return Holder.V3;
    }

    /** Single-byte tokens, index 0 being the empty placeholder. */
    public List<String> singleByteTokens() {
        return single;
    }

    public List<String> doubleByteTokens(int dictionary) {
        return doubles.get(dictionary);
    }

    /** The token for a single-byte tag, or null when the tag is outside the list. */
    String single(int tag) {
        return tag >= 1 && tag < single.size() ? single.get(tag) : null;
    }

    /** The double-byte token, or null when dictionary or index is outside the lists. */
    String doubleByte(int dictionary, int index) {
        if (dictionary < 0 || dictionary >= doubles.size()) {
            return null;
        }
        List<String> list = doubles.get(dictionary);
        return index >= 0 && index < list.size() ? list.get(index) : null;
    }

    /** The token that encodes {@code text}, or null if it is not in any dictionary. */
    public Token lookup(String text) {
        return byText.get(text);
    }

    private static TokenDictionary load() {
        try (InputStream in = TokenDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " next to " + TokenDictionary.class);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads "[name count]" headers each followed by exactly count verbatim lines; '#' lines before them. */
    static TokenDictionary parse(BufferedReader reader) throws IOException {
        Map<String, List<String>> sections = new HashMap<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!line.startsWith("[") || !line.endsWith("]") || line.indexOf(' ') < 0) {
                throw new IllegalStateException("bad section header in " + RESOURCE + ": " + line);
            }
            String name = line.substring(1, line.indexOf(' '));
            int count = Integer.parseInt(line.substring(line.indexOf(' ') + 1, line.length() - 1));
            List<String> tokens = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String token = reader.readLine();
                if (token == null) {
                    throw new IllegalStateException(RESOURCE + " ends inside section " + name);
                }
                tokens.add(token);
            }
            sections.put(name, tokens);
        }
        List<String> single = sections.get("single");
        List<List<String>> doubles = new ArrayList<>();
        for (int d = 0; d < DOUBLE_DICTIONARIES; d++) {
            doubles.add(sections.get("double" + d));
        }
        if (single == null || doubles.contains(null)) {
            throw new IllegalStateException(RESOURCE + " lacks a section; found " + sections.keySet());
        }
        return new TokenDictionary(single, doubles);
    }
}
