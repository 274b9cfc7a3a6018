package app.statustracker.wa.status;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.statustracker.wa.media.EncryptedMedia;
import app.statustracker.wa.media.MediaType;
import app.statustracker.wa.media.UploadedMedia;
import app.statustracker.wa.proto.MessageProtos.Message;
import app.statustracker.wa.proto.MessageProtos.Message.ImageMessage;
import app.statustracker.wa.proto.MessageProtos.Message.VideoMessage;
import com.google.protobuf.CodedInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusMediaMessagesTest {
    private static final byte[] SECRET = new byte[32];
    private static final byte[] KEY = filled(32, 7);
    private static final byte[] SHA = filled(32, 1);
    private static final byte[] ENC_SHA = filled(32, 2);
    private static final byte[] THUMB = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00};

    @Test
    void imageCarriesEveryFieldReceiversNeed() throws Exception {
        MediaStatus status = new MediaStatus(MediaType.IMAGE, Path.of("x.jpg"), "image/jpeg", 640, 480, null,
                "a caption", THUMB, null);
        Message message = Message.parseFrom(StatusMessages.media(status, uploaded(MediaType.IMAGE), SECRET).toByteArray());
        ImageMessage image = message.getImageMessage();
        assertEquals("https://mmg.example/v/t62/abc.enc?mms3=true", image.getUrl());
        assertEquals("/v/t62/abc.enc", image.getDirectPath());
        assertEquals("image/jpeg", image.getMimetype());
        assertEquals("a caption", image.getCaption());
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());
        assertEquals(12345, image.getFileLength());
        assertArrayEquals(KEY, image.getMediaKey().toByteArray());
        assertArrayEquals(SHA, image.getFileSha256().toByteArray());
        assertArrayEquals(ENC_SHA, image.getFileEncSha256().toByteArray());
        assertEquals(1_700_000_000L, image.getMediaKeyTimestamp());
        assertArrayEquals(THUMB, image.getJpegThumbnail().toByteArray());
        assertEquals(32, message.getMessageContextInfo().getMessageSecret().size());
        assertFalse(message.hasVideoMessage());
        assertEquals("image", StatusMessages.mediaTypeOf(message));
        // WhatsApp's numbering: caption 3, width 7, height 6, directPath 11 inside Message field 3
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 16), fieldNumbers(image.toByteArray()));
        assertEquals(List.of(3, 35), fieldNumbers(message.toByteArray()));
    }

    @Test
    void videoHasSecondsAndItsOwnNumbering() throws Exception {
        MediaStatus status = new MediaStatus(MediaType.VIDEO, Path.of("x.mp4"), "video/mp4", 320, 240, 9, null, null,
                null);
        Message message = Message.parseFrom(StatusMessages.media(status, uploaded(MediaType.VIDEO), SECRET).toByteArray());
        VideoMessage video = message.getVideoMessage();
        assertEquals(9, video.getSeconds());
        assertEquals(320, video.getWidth());
        assertEquals(240, video.getHeight());
        assertFalse(video.hasCaption());
        assertFalse(video.hasJpegThumbnail());
        assertEquals("video", StatusMessages.mediaTypeOf(message));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 9, 10, 11, 13, 14), fieldNumbers(video.toByteArray()));
        assertEquals(List.of(9, 35), fieldNumbers(message.toByteArray()));
    }

    @Test
    void textAndRevokeHaveNoMediaType() {
        assertNull(StatusMessages.mediaTypeOf(StatusMessages.revoke("3EB0")));
        assertNull(StatusMessages.mediaTypeOf(StatusMessages.text(app.statustracker.wa.status.TextStatus.plain("x"),
                SECRET)));
    }

    @Test
    void statusAndUploadMustBeTheSameKind() {
        MediaStatus status = new MediaStatus(MediaType.VIDEO, Path.of("x.mp4"), "video/mp4", 320, 240, 1, null, null,
                null);
        assertThrows(IllegalArgumentException.class,
                () -> StatusMessages.media(status, uploaded(MediaType.IMAGE), SECRET));
    }

    @Test
    void aVideoNeedsItsLengthAndMediaNeedsASize() {
        assertThrows(IllegalArgumentException.class,
                () -> new MediaStatus(MediaType.VIDEO, Path.of("x.mp4"), "video/mp4", 320, 240, null, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new MediaStatus(MediaType.IMAGE, Path.of("x.jpg"), "image/jpeg", 0, 240, null, null, null, null));
        assertTrue(new MediaStatus(MediaType.IMAGE, Path.of("x.jpg"), "image/jpeg", 1, 1, null, null, null, null)
                .jpegThumbnail() == null);
    }

    private static UploadedMedia uploaded(MediaType type) {
        return new UploadedMedia(type, "https://mmg.example/v/t62/abc.enc?mms3=true", "/v/t62/abc.enc", KEY,
                1_700_000_000L, new EncryptedMedia(SHA, ENC_SHA, 12345, 12362));
    }

    private static List<Integer> fieldNumbers(byte[] encoded) throws Exception {
        CodedInputStream in = CodedInputStream.newInstance(encoded);
        List<Integer> fields = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            fields.add(tag >>> 3);
            in.skipField(tag);
        }
        return fields;
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
