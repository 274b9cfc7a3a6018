package app.statustracker.wa.status;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.wa.proto.MessageProtos.Message;
import app.statustracker.wa.proto.MessageProtos.Message.ExtendedTextMessage;
import app.statustracker.wa.proto.MessageProtos.Message.ProtocolMessage;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class StatusMessagesTest {
    private static final byte[] SECRET = new byte[32];

    @Test
    void plainTextSetsOnlyTextAndSecret() throws Exception {
        Message message = Message.parseFrom(StatusMessages.text(TextStatus.plain("hello"), SECRET).toByteArray());
        ExtendedTextMessage text = message.getExtendedTextMessage();
        assertEquals("hello", text.getText());
        assertFalse(text.hasBackgroundArgb());
        assertFalse(text.hasTextArgb());
        assertFalse(text.hasFont());
        assertFalse(text.hasMatchedText());
        assertFalse(text.hasPreviewType());
        assertEquals(32, message.getMessageContextInfo().getMessageSecret().size());
    }

    @Test
    void coloursAreFixed32AndFontIsTheEnumNumber() {
        TextStatus status = new TextStatus("hi", 0xFF1E6E4F, 0xFFFFFFFF, 7, null);
        byte[] bytes = StatusMessages.text(status, SECRET).getExtendedTextMessage().toByteArray();
        String hex = HexFormat.of().formatHex(bytes);
        // field 8 wire type 5 (0x45) then 0xFF1E6E4F little-endian; field 7 (0x3d) white; field 9 varint 7 (0x48 07)
        assertTrue(hex.contains("454f6e1eff"), hex);
        assertTrue(hex.contains("3dffffffff"), hex);
        assertTrue(hex.contains("4807"), hex);
    }

    @Test
    void linkPreviewFields() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2};
        TextStatus status = new TextStatus("see https://example.org", null, null, null,
                new LinkPreview("https://example.org", "Example", "An example page", jpeg));
        ExtendedTextMessage text = Message.parseFrom(StatusMessages.text(status, new SecureRandom()).toByteArray())
                .getExtendedTextMessage();
        assertEquals("https://example.org", text.getMatchedText());
        assertEquals("Example", text.getTitle());
        assertEquals("An example page", text.getDescription());
        assertArrayEquals(jpeg, text.getJpegThumbnail().toByteArray());
        assertEquals(ExtendedTextMessage.PreviewType.NONE, text.getPreviewType());
        assertTrue(text.hasPreviewType());
    }

    @Test
    void previewWithoutTitleOrThumbnailLeavesThemUnset() {
        TextStatus status = new TextStatus("x https://a.b", null, null, null,
                new LinkPreview("https://a.b", null, null, null));
        ExtendedTextMessage text = StatusMessages.text(status, SECRET).getExtendedTextMessage();
        assertFalse(text.hasTitle());
        assertFalse(text.hasDescription());
        assertFalse(text.hasJpegThumbnail());
    }

    @Test
    void unknownFontIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> StatusMessages.text(new TextStatus("x", null, null, 3, null), SECRET));
    }

    @Test
    void messageSecretIsFreshPerStatus() {
        SecureRandom random = new SecureRandom();
        assertFalse(StatusMessages.text(TextStatus.plain("a"), random).getMessageContextInfo().getMessageSecret()
                .equals(StatusMessages.text(TextStatus.plain("a"), random).getMessageContextInfo().getMessageSecret()));
    }

    @Test
    void revokeNamesOurStatusKey() throws Exception {
        Message message = Message.parseFrom(StatusMessages.revoke("3EB0ABCDEF0123456789AB").toByteArray());
        ProtocolMessage protocol = message.getProtocolMessage();
        assertEquals(ProtocolMessage.Type.REVOKE, protocol.getType());
        assertTrue(protocol.hasType(), "REVOKE is 0 but must be on the wire");
        assertEquals("status@broadcast", protocol.getKey().getRemoteJid());
        assertTrue(protocol.getKey().getFromMe());
        assertEquals("3EB0ABCDEF0123456789AB", protocol.getKey().getId());
        assertFalse(protocol.getKey().hasParticipant());
        // field 12 (0x62) length-delimited; inside, type 0 encoded explicitly as 0x10 0x00
        assertTrue(HexFormat.of().formatHex(message.toByteArray()).startsWith("62"));
        assertTrue(HexFormat.of().formatHex(protocol.toByteArray()).endsWith("1000"));
    }

    @Test
    void senderKeyDistributionWrapper() throws Exception {
        byte[] skdm = {0x33, 8, 1, 16, 0};
        Message message = Message.parseFrom(StatusMessages.senderKeyDistribution(skdm).toByteArray());
        assertEquals("status@broadcast", message.getSenderKeyDistributionMessage().getGroupId());
        assertArrayEquals(skdm, message.getSenderKeyDistributionMessage().getAxolotlSenderKeyDistributionMessage()
                .toByteArray());
        assertFalse(message.hasExtendedTextMessage());
    }
}
