package app.statustracker.wa.binary;

/** Tag byte values of the binary node grammar (docs/protocol.md, Binary nodes). Bytes 1..235 are single-byte tokens. */
final class WireTags {
    static final int LIST_EMPTY = 0;
    static final int DICTIONARY_0 = 236;
    static final int DICTIONARY_3 = 239;
    static final int INTEROP_JID = 245;
    static final int FB_JID = 246;
    static final int AD_JID = 247;
    static final int LIST_8 = 248;
    static final int LIST_16 = 249;
    static final int JID_PAIR = 250;
    static final int HEX_8 = 251;
    static final int BINARY_8 = 252;
    static final int BINARY_20 = 253;
    static final int BINARY_32 = 254;
    static final int NIBBLE_8 = 255;

    /** Longest string (in characters) the encoders pack into NIBBLE_8/HEX_8. */
    static final int PACKED_MAX = 127;

    /** AD_JID domain types (Baileys WAJIDDomains); anything else decodes as the phone-number server. */
    static final int DOMAIN_WHATSAPP = 0;
    static final int DOMAIN_LID = 1;
    static final int DOMAIN_HOSTED = 128;
    static final int DOMAIN_HOSTED_LID = 129;

    private WireTags() {
    }
}
