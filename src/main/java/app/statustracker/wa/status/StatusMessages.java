package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import app.statustracker.wa.media.EncryptedMedia;
import app.statustracker.wa.media.MediaType;
import app.statustracker.wa.media.UploadedMedia;
import app.statustracker.wa.proto.MessageProtos.Message;
import app.statustracker.wa.proto.MessageProtos.Message.ExtendedTextMessage;
import app.statustracker.wa.proto.MessageProtos.Message.ImageMessage;
import app.statustracker.wa.proto.MessageProtos.Message.ProtocolMessage;
import app.statustracker.wa.proto.MessageProtos.Message.SenderKeyDistributionMessage;
import app.statustracker.wa.proto.MessageProtos.Message.VideoMessage;
import app.statustracker.wa.proto.MessageProtos.MessageContextInfo;
import app.statustracker.wa.proto.MessageProtos.MessageKey;
import com.google.protobuf.ByteString;
import java.security.SecureRandom;

/** The E2E {@link Message}s a status poster sends: the status itself, its revoke, and the sender-key carrier. */
public final class StatusMessages {
    public static final int MESSAGE_SECRET_LENGTH = 32;

    private StatusMessages() {
    }

    /**
     * A text or link status (docs/protocol.md, Text and link statuses): an ExtendedTextMessage with colours, font and
     * preview fields only when given, and a fresh 32-byte {@code messageContextInfo.messageSecret}
     * (docs/protocol.md, Status stanza, Baileys adds one for reporting tokens).
     *
     * @throws IllegalArgumentException for a font number WhatsApp's FontType does not know
     */
    public static Message text(TextStatus status, SecureRandom random) {
        byte[] secret = new byte[MESSAGE_SECRET_LENGTH];
        random.nextBytes(secret);
        return text(status, secret);
    }

    /** Deterministic form for tests. */
    public static Message text(TextStatus status, byte[] messageSecret) {
        ExtendedTextMessage.Builder text = ExtendedTextMessage.newBuilder().setText(status.text());
        if (status.textArgb() != null) {
            text.setTextArgb(status.textArgb());
        }
        if (status.backgroundArgb() != null) {
            text.setBackgroundArgb(status.backgroundArgb());
        }
        if (status.font() != null) {
            ExtendedTextMessage.FontType font = ExtendedTextMessage.FontType.forNumber(status.font());
            if (font == null) {
                throw new IllegalArgumentException("WhatsApp has no status font " + status.font());
            }
            text.setFont(font);
        }
        LinkPreview preview = status.preview();
        if (preview != null) {
            text.setMatchedText(preview.matchedText());
            if (preview.title() != null) {
                text.setTitle(preview.title());
            }
            if (preview.description() != null) {
                text.setDescription(preview.description());
            }
            byte[] thumbnail = preview.jpegThumbnail();
            if (thumbnail != null) {
                text.setJpegThumbnail(ByteString.copyFrom(thumbnail));
            }
            // Baileys sends previewType NONE even with a thumbnail; receivers show the preview all the same
            text.setPreviewType(ExtendedTextMessage.PreviewType.NONE);
        }
        return Message.newBuilder()
                .setExtendedTextMessage(text)
                .setMessageContextInfo(MessageContextInfo.newBuilder().setMessageSecret(ByteString.copyFrom(messageSecret)))
                .build();
    }

    /**
     * An image or video status (docs/protocol.md, Media): where the encrypted file lies, the keys and hashes a
     * receiver checks it with, and what it shows before downloading — the fields WhatsApp Web fills for a status,
     * plus a fresh message secret as for text.
     */
    public static Message media(MediaStatus status, UploadedMedia uploaded, SecureRandom random) {
        byte[] secret = new byte[MESSAGE_SECRET_LENGTH];
        random.nextBytes(secret);
        return media(status, uploaded, secret);
    }

    /** Deterministic form for tests. */
    public static Message media(MediaStatus status, UploadedMedia uploaded, byte[] messageSecret) {
        if (status.type() != uploaded.type()) {
            throw new IllegalArgumentException("a " + status.type() + " status with " + uploaded.type() + " media");
        }
        EncryptedMedia file = uploaded.encrypted();
        Message.Builder message = Message.newBuilder();
        if (status.type() == MediaType.IMAGE) {
            ImageMessage.Builder image = ImageMessage.newBuilder()
                    .setUrl(uploaded.url())
                    .setMimetype(status.mimetype())
                    .setFileSha256(ByteString.copyFrom(file.fileSha256()))
                    .setFileLength(file.fileLength())
                    .setHeight(status.height())
                    .setWidth(status.width())
                    .setMediaKey(ByteString.copyFrom(uploaded.mediaKey()))
                    .setFileEncSha256(ByteString.copyFrom(file.fileEncSha256()))
                    .setDirectPath(uploaded.directPath())
                    .setMediaKeyTimestamp(uploaded.mediaKeyTimestamp());
            if (status.caption() != null) {
                image.setCaption(status.caption());
            }
            byte[] thumbnail = status.jpegThumbnail();
            if (thumbnail != null) {
                image.setJpegThumbnail(ByteString.copyFrom(thumbnail));
            }
            message.setImageMessage(image);
        } else {
            VideoMessage.Builder video = VideoMessage.newBuilder()
                    .setUrl(uploaded.url())
                    .setMimetype(status.mimetype())
                    .setFileSha256(ByteString.copyFrom(file.fileSha256()))
                    .setFileLength(file.fileLength())
                    .setSeconds(status.seconds())
                    .setMediaKey(ByteString.copyFrom(uploaded.mediaKey()))
                    .setHeight(status.height())
                    .setWidth(status.width())
                    .setFileEncSha256(ByteString.copyFrom(file.fileEncSha256()))
                    .setDirectPath(uploaded.directPath())
                    .setMediaKeyTimestamp(uploaded.mediaKeyTimestamp());
            if (status.caption() != null) {
                video.setCaption(status.caption());
            }
            byte[] thumbnail = status.jpegThumbnail();
            if (thumbnail != null) {
                video.setJpegThumbnail(ByteString.copyFrom(thumbnail));
            }
            message.setVideoMessage(video);
        }
        return message
                .setMessageContextInfo(MessageContextInfo.newBuilder().setMessageSecret(ByteString.copyFrom(messageSecret)))
                .build();
    }

    /**
     * The stanza's {@code mediatype} for a message, as Baileys derives it: {@code image} or {@code video} for
     * media, null for everything else (text, links, revokes, which go as {@code type="text"}).
     */
    public static String mediaTypeOf(Message message) {
        if (message.hasImageMessage()) {
            return MediaType.IMAGE.stanzaMediaType();
        }
        if (message.hasVideoMessage()) {
            return MediaType.VIDEO.stanzaMediaType();
        }
        return null;
    }

    /** Deletes our status {@code statusId} for everyone (docs/protocol.md, Revoke): ProtocolMessage REVOKE of our own
     * key. */
    public static Message revoke(String statusId) {
        MessageKey key = MessageKey.newBuilder()
                .setRemoteJid(Jid.STATUS_BROADCAST.toString())
                .setFromMe(true)
                .setId(statusId)
                .build();
        return Message.newBuilder()
                .setProtocolMessage(ProtocolMessage.newBuilder().setKey(key).setType(ProtocolMessage.Type.REVOKE))
                .build();
    }

    /**
     * The pairwise message that hands a device our status sender key (docs/protocol.md, Signal): Message field 2 with
     * {@code groupId = "status@broadcast"} and the axolotl SKDM bytes, sent on its own like Baileys and whatsmeow.
     */
    public static Message senderKeyDistribution(byte[] axolotlSkdm) {
        return Message.newBuilder()
                .setSenderKeyDistributionMessage(SenderKeyDistributionMessage.newBuilder()
                        .setGroupId(Jid.STATUS_BROADCAST.toString())
                        .setAxolotlSenderKeyDistributionMessage(ByteString.copyFrom(axolotlSkdm)))
                .build();
    }
}
