package app.statustracker.testing;

import app.statustracker.wa.binary.Node;
import app.statustracker.wa.binary.NodeBuilder;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Nodes in the Baileys driver's JSON form (src/test/node/commands/node-json.mjs):
 * {@code {"tag", "attrs": {...}, "content": absent | [nodes] | "text" | {"hex": "..."}}}.
 */
public final class NodeJson {
    private NodeJson() {
    }

    public static JsonObject toJson(Node node) {
        JsonObjectBuilder attrs = Json.createObjectBuilder();
        node.attributes().forEach(attrs::add);
        JsonObjectBuilder json = Json.createObjectBuilder().add("tag", node.tag()).add("attrs", attrs);
        switch (node.contentKind()) {
            case NONE -> { }
            case TEXT -> json.add("content", node.contentText());
            case BYTES -> json.add("content",
                    Json.createObjectBuilder().add("hex", HexFormat.of().formatHex(node.contentBytes())));
            case CHILDREN -> {
                JsonArrayBuilder children = Json.createArrayBuilder();
                node.children().forEach(child -> children.add(toJson(child)));
                json.add("content", children);
            }
        }
        return json.build();
    }

    public static Node fromJson(JsonObject json) {
        NodeBuilder builder = Node.builder(json.getString("tag"));
        JsonObject attrs = json.getJsonObject("attrs");
        if (attrs != null) {
            attrs.forEach((key, value) -> builder.attr(key, ((JsonString) value).getString()));
        }
        JsonValue content = json.get("content");
        if (content == null || content.getValueType() == JsonValue.ValueType.NULL) {
            return builder.build();
        }
        switch (content.getValueType()) {
            case ARRAY -> {
                List<Node> children = new ArrayList<>();
                content.asJsonArray().forEach(child -> children.add(fromJson(child.asJsonObject())));
                builder.children(children);
            }
            case STRING -> builder.text(((JsonString) content).getString());
            case OBJECT -> builder.bytes(HexFormat.of().parseHex(content.asJsonObject().getString("hex")));
            default -> throw new IllegalArgumentException("unsupported content: " + content);
        }
        return builder.build();
    }
}
