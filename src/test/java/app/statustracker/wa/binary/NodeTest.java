package app.statustracker.wa.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NodeTest {
    private final Node iq = Node.builder("iq").attr("id", "1").attr("to", Jid.SERVER).attr("type", "result")
            .children(Node.builder("device").attr("jid", "1555:3@s.whatsapp.net").build(),
                    Node.builder("device").attr("jid", "1555:4@s.whatsapp.net").build(),
                    Node.builder("ref").bytes(new byte[] {0x0a, 0x0b}).build(),
                    Node.builder("name").text("a \"quoted\" <name> & more\n").build())
            .build();

    @Test
    void accessors() throws Exception {
        assertEquals("@s.whatsapp.net", iq.attr("to"));
        assertEquals(Jid.SERVER, iq.jidAttr("to").orElseThrow());
        assertTrue(iq.jidAttr("from").isEmpty());
        assertEquals("x", iq.attr("from", "x"));
        assertEquals(2, iq.children("device").size());
        assertEquals("1555:3@s.whatsapp.net", iq.requireChild("device").attr("jid"));
        assertArrayEquals(new byte[] {0x0a, 0x0b}, iq.requireChild("ref").contentBytes());
        assertEquals(2, iq.requireChild("ref").contentBytesLength());
        assertNull(iq.requireChild("ref").contentText());
        assertEquals(List.of(), iq.requireChild("ref").children());
        assertThrows(MalformedNodeException.class, () -> iq.requireAttr("xmlns"));
        assertThrows(MalformedNodeException.class, () -> iq.requireChild("missing"));
    }

    @Test
    void contentIsDefensivelyCopied() {
        byte[] bytes = {1, 2, 3};
        Node node = Node.builder("enc").bytes(bytes).build();
        bytes[0] = 9;
        node.contentBytes()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, node.contentBytes());
    }

    @Test
    void equalityIncludesAttributeOrderAndByteContent() {
        Node ab = Node.builder("x").attr("a", "1").attr("b", "2").bytes(new byte[] {1}).build();
        Node same = Node.builder("x").attr("a", "1").attr("b", "2").bytes(new byte[] {1}).build();
        Node ba = Node.builder("x").attr("b", "2").attr("a", "1").bytes(new byte[] {1}).build();
        assertEquals(ab, same);
        assertEquals(ab.hashCode(), same.hashCode());
        assertNotEquals(ab, ba);
        assertNotEquals(Node.builder("x").children(List.of()).build(), Node.of("x"));
    }

    @Test
    void rendersReadableEscapedOneLineText() {
        assertEquals("<iq id=\"1\" to=\"@s.whatsapp.net\" type=\"result\">"
                + "<device jid=\"1555:3@s.whatsapp.net\"/><device jid=\"1555:4@s.whatsapp.net\"/>"
                + "<ref>[2 bytes: 0a0b]</ref>"
                + "<name>a &quot;quoted&quot; &lt;name&gt; &amp; more\\u000a</name></iq>", iq.toString());
    }

    @Test
    void longContentIsTruncatedInText() {
        String text = Node.builder("enc").bytes(new byte[1000]).build().toString();
        assertTrue(text.startsWith("<enc>[1000 bytes: " + "00".repeat(32) + "…]"), text);
        assertTrue(Node.builder("t").text("y".repeat(5000)).build().toString().length() < 300);
    }

    @Test
    void tagMustNotBeEmpty() {
        assertThrows(IllegalArgumentException.class, () -> Node.of(""));
    }
}
