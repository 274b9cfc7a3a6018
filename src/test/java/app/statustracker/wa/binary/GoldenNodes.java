package app.statustracker.wa.binary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Named;

/**
 * A spread of nodes that exercises every encoding path: tokens, double-byte tokens, nibble/hex packing at
 * odd/even and maximum lengths, JIDs of every server kind, byte lengths across the BINARY_8/20/32 borders,
 * LIST_16 lists, deep nesting and non-ASCII text. Attribute keys avoid integer-like names, which JavaScript
 * objects (and so Baileys) would reorder.
 */
final class GoldenNodes {
    private GoldenNodes() {
    }

    static List<Named<Node>> all() {
        List<Named<Node>> nodes = new ArrayList<>();
        nodes.add(Named.of("ping iq to the server JID", Node.builder("iq").attr("id", "1").attr("to", "@s.whatsapp.net")
                .attr("type", "get").attr("xmlns", "w:p").children(Node.of("ping")).build()));
        nodes.add(Named.of("double-byte tokens", Node.builder("pair-device").attr("type", "passive")
                .attr("reason", "failure").attr("stage", "read-self").attr("class", "retry")
                .children(Node.builder("conflict").attr("type", "replaced").build(), Node.of("blocklist")).build()));
        nodes.add(Named.of("nibble strings", attrs("n",
                "t", "1700000000", "odd", "123", "neg", "-1.5", "zero", "0", "dots", "1.2.3-4",
                "max", "7".repeat(127), "over", "7".repeat(128))));
        nodes.add(Named.of("hex strings", attrs("h",
                "even", "3EB0ABCDEF", "odd", "ABC", "lower", "3eb0abcdef", "mixed", "3EB0abcd",
                "max", "A1".repeat(63) + "F", "over", "AB".repeat(64))));
        nodes.add(Named.of("phone-number JIDs", attrs("j",
                "user", "15551234567@s.whatsapp.net", "device", "15551234567:3@s.whatsapp.net",
                "deviceZero", "15551234567:0@s.whatsapp.net", "device255", "15551234567:255@s.whatsapp.net",
                "server", "@s.whatsapp.net", "legacy", "15551234567@c.us")));
        nodes.add(Named.of("other JID servers", attrs("j",
                "lid", "100000123456789@lid", "lidDevice", "100000123456789:12@lid",
                "status", "status@broadcast", "group", "120363025246125888@g.us", "oldGroup", "15551234567-1600000000@g.us",
                "hosted", "15551234567:99@hosted", "hostedLid", "100000123456789:1@hosted.lid",
                "newsletter", "120363144038483540@newsletter", "bot", "13135550002@bot",
                "msgr", "1234567890@msgr", "interop", "5-1234567890@interop", "email", "someone@example.com")));
        nodes.add(Named.of("empty and unusual strings", attrs("e",
                "empty", "", "space", " ", "text", "hello world", "token", "available")));
        for (int size : new int[] {0, 1, 255, 256, 1000, (1 << 20) - 1, 1 << 20}) {
            nodes.add(Named.of(size + " bytes", Node.builder("enc").attr("v", "2").attr("type", "pkmsg")
                    .bytes(bytes(size)).build()));
        }
        nodes.add(Named.of("300 children (LIST_16)", Node.builder("usync").children(
                IntStream.range(0, 300).mapToObj(i -> Node.builder("user")
                        .attr("jid", (15550000000L + i) + "@s.whatsapp.net").build()).toList()).build()));
        nodes.add(Named.of("130 attributes (LIST_16 node)", manyAttributes(130)));
        nodes.add(Named.of("nested 12 deep", nested(12)));
        nodes.add(Named.of("empty child list", Node.builder("list").children(List.of()).build()));
        nodes.add(Named.of("text content: token", Node.builder("t").text("available").build()));
        nodes.add(Named.of("text content: nibble", Node.builder("t").text("1700000000").build()));
        nodes.add(Named.of("text content: JID", Node.builder("t").text("15551234567:7@s.whatsapp.net").build()));
        nodes.add(Named.of("text content: empty", Node.builder("t").text("").build()));
        nodes.add(Named.of("text content: utf-8", Node.builder("body").attr("lang", "fr-CH")
                .text("héllo wörld, grüße, 你好, привет").build()));
        nodes.add(Named.of("text content: emoji", Node.builder("body").attr("caption", "🎉 party 👍🏽")
                .text("status 🎉👍🏽👨‍👩‍👧 done").build()));
        nodes.add(Named.of("text content: 300 chars (BINARY_20)", Node.builder("body").text("é".repeat(150)).build()));
        nodes.add(Named.of("status message stanza", statusMessage()));
        return nodes;
    }

    private static Node attrs(String tag, String... keyValues) {
        NodeBuilder builder = Node.builder(tag);
        for (int i = 0; i < keyValues.length; i += 2) {
            builder.attr(keyValues[i], keyValues[i + 1]);
        }
        return builder.build();
    }

    private static Node manyAttributes(int count) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            attributes.put("k" + i, i % 2 == 0 ? Integer.toString(i) : "value-" + i);
        }
        return Node.of("many", attributes);
    }

    private static Node nested(int depth) {
        Node node = Node.builder("leaf").text("bottom").build();
        for (int i = 0; i < depth; i++) {
            node = Node.builder("level").attr("depth", Integer.toString(depth - i)).children(node).build();
        }
        return node;
    }

    private static Node statusMessage() {
        return Node.builder("message").attr("id", "3EB0C0FFEE12345678").attr("to", "status@broadcast")
                .attr("type", "text").children(
                        Node.builder("participants").children(
                                Node.builder("to").attr("jid", "100000123456789:2@lid").children(
                                        Node.builder("enc").attr("v", "2").attr("type", "pkmsg")
                                                .bytes(bytes(180)).build()).build()).build(),
                        Node.builder("enc").attr("v", "2").attr("type", "skmsg").bytes(bytes(90)).build(),
                        Node.builder("meta").attr("status_setting", "contacts").build(),
                        Node.builder("device-identity").bytes("identity".getBytes(StandardCharsets.UTF_8)).build())
                .build();
    }

    static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
