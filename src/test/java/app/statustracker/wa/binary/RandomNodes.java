package app.statustracker.wa.binary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded generators of nodes and strings for the round-trip properties. Biased toward the encoder's
 * decision points: tokens, packable strings around the 127-character limit, JIDs of every shape, lengths
 * around the BINARY_8/20 border, and unicode including astral characters (never lone surrogates).
 */
final class RandomNodes {
    private static final TokenDictionary TOKENS = TokenDictionary.v3();
    private static final List<String> SERVERS = List.of(Jid.USER_SERVER, Jid.LID_SERVER, Jid.GROUP_SERVER,
            Jid.BROADCAST_SERVER, Jid.HOSTED_SERVER, Jid.HOSTED_LID_SERVER, Jid.NEWSLETTER_SERVER, "example.com");

    private final SplittableRandom random;

    RandomNodes(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A node whose strings all survive the wire unchanged: no ":0" devices, text content never raw. */
    Node canonicalNode(int depth) {
        NodeBuilder builder = Node.builder(nonEmpty());
        int attributes = random.nextInt(7);
        for (int i = 0; i < attributes; i++) {
            builder.attr(canonicalString(), canonicalString());
        }
        int choice = random.nextInt(depth > 0 ? 4 : 3);
        switch (choice) {
            case 0 -> { }
            case 1 -> builder.bytes(bytes());
            case 2 -> builder.text(nonRawString());
            default -> {
                List<Node> children = new ArrayList<>();
                int count = random.nextInt(5);
                for (int i = 0; i < count; i++) {
                    children.add(canonicalNode(depth - 1));
                }
                builder.children(children);
            }
        }
        return builder.build();
    }

    /** Attributes with arbitrary text, in insertion order. */
    Map<String, String> looseAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        int count = random.nextInt(9);
        for (int i = 0; i < count; i++) {
            attributes.put(looseText(), looseText());
        }
        return attributes;
    }

    /** Any text except ":0@" (the one form the wire normalises) — JID-like shapes on purpose. */
    String looseText() {
        while (true) {
            String text = switch (random.nextInt(3)) {
                case 0 -> unicode(40);
                case 1 -> unicode(6) + pick(List.of(":", "_", "", ":7", ":300", ":03")) + pick(List.of("@", "@@"))
                        + (random.nextInt(5) == 0 ? "" : pick(SERVERS));
                default -> canonicalString();
            };
            if (!text.contains(":0@")) {
                return text;
            }
        }
    }

    private String nonEmpty() {
        String text = canonicalString();
        return text.isEmpty() ? "x" : text;
    }

    private String canonicalString() {
        if (random.nextInt(5) == 0) {
            String text = unicode(20);
            return text.indexOf('@') < 0 ? text : text.replace('@', 'a');
        }
        if (random.nextInt(8) == 0) {
            // just over the packing limit: written raw, still read back as the same attribute text
            return packable(random.nextBoolean() ? "0123456789-." : "0123456789ABCDEF", 128, 130);
        }
        return nonRawString();
    }

    private String nonRawString() {
        return switch (random.nextInt(4)) {
            case 0 -> token();
            case 1 -> packable("0123456789-.", 1, WireTags.PACKED_MAX);
            case 2 -> packable("0123456789ABCDEF", 1, WireTags.PACKED_MAX);
            default -> jid();
        };
    }

    private String token() {
        if (random.nextBoolean()) {
            return TOKENS.singleByteTokens().get(1 + random.nextInt(235));
        }
        return TOKENS.doubleByteTokens(random.nextInt(4)).get(random.nextInt(256));
    }

    /** Mostly short, often near the maximum, so the 127-character packing limit is exercised. */
    private String packable(String alphabet, int minLength, int maxLength) {
        int length = random.nextInt(4) == 0
                ? Math.max(minLength, maxLength - random.nextInt(8))
                : minLength + random.nextInt(Math.min(20, maxLength - minLength + 1));
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private String jid() {
        String user = random.nextInt(4) == 0 ? "" : random.nextBoolean()
                ? Long.toString(random.nextLong(1, Long.MAX_VALUE))
                : unicode(8).replaceAll("[@:_]", "");
        String server = pick(SERVERS);
        int device = random.nextBoolean() ? 0 : 1 + random.nextInt(255);
        return device == 0 || NodeEncoder.adDomainType(server) < 0 ? user + "@" + server : user + ":" + device + "@" + server;
    }

    private byte[] bytes() {
        int length = random.nextInt(4) == 0 ? 250 + random.nextInt(12) : random.nextInt(600);
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private String unicode(int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(13);
            int codePoint;
            if (kind < 6) {
                codePoint = 0x20 + random.nextInt(0x5F);
            } else if (kind < 7) {
                codePoint = random.nextInt(0x20);
            } else if (kind < 9) {
                codePoint = 0x80 + random.nextInt(0xD800 - 0x80);
            } else if (kind < 10) {
                codePoint = 0xE000 + random.nextInt(0x2000);
            } else if (kind < 12) {
                codePoint = 0x1F300 + random.nextInt(0x800);
            } else {
                codePoint = 0x10000 + random.nextInt(0x100000);
            }
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
