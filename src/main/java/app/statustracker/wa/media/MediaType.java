package app.statustracker.wa.media;

/**
 * The media types a status can carry, with what each one means on the wire (docs/protocol.md, Media): the HKDF
 * info string its keys are expanded with, the media host path it is uploaded to, and the {@code mediatype}
 * attribute of its {@code <enc>} elements. Learnt from Baileys' MEDIA_HKDF_KEY_MAPPING / MEDIA_PATH_MAP and
 * whatsmeow's MediaType.
 */
public enum MediaType {
    IMAGE("WhatsApp Image Keys", "/mms/image", "image"),
    VIDEO("WhatsApp Video Keys", "/mms/video", "video");

    private final String hkdfInfo;
    private final String uploadPath;
    private final String stanzaMediaType;

    MediaType(String hkdfInfo, String uploadPath, String stanzaMediaType) {
        this.hkdfInfo = hkdfInfo;
        this.uploadPath = uploadPath;
        this.stanzaMediaType = stanzaMediaType;
    }

    /** The HKDF {@code info} that turns a media key into this type's keys. */
    public String hkdfInfo() {
        return hkdfInfo;
    }

    /** Path on the media host that uploads of this type are POSTed under. */
    public String uploadPath() {
        return uploadPath;
    }

    /** Value of the {@code mediatype} attribute on the stanza's {@code <enc>} elements. */
    public String stanzaMediaType() {
        return stanzaMediaType;
    }
}
