package app.statustracker.wa.binary;

import java.util.Optional;

/**
 * A WhatsApp address, text form {@code user[:device]@server}: {@code 15551234567@s.whatsapp.net} (phone
 * number), {@code 100000012345678:3@lid} (a LID device), {@code @s.whatsapp.net} (the server itself),
 * {@code status@broadcast}, {@code 1203…@g.us}. Device 0 is the primary phone and, as in Baileys' jidEncode,
 * never written out: {@code 1555:0@s.whatsapp.net} and {@code 1555@s.whatsapp.net} are the same JID.
 *
 * <p>The user part is kept verbatim: Baileys' {@code user_agent} suffix and the {@code integrator-user} form
 * of interop JIDs stay inside {@link #user}. Device fits 16 bits (FB/interop JIDs carry a uint16; AD_JID
 * only 8, which the encoder checks).
 */
public record Jid(String user, int device, String server) {

    public static final String USER_SERVER = "s.whatsapp.net";
    public static final String LID_SERVER = "lid";
    public static final String GROUP_SERVER = "g.us";
    public static final String BROADCAST_SERVER = "broadcast";
    public static final String HOSTED_SERVER = "hosted";
    public static final String HOSTED_LID_SERVER = "hosted.lid";
    public static final String INTEROP_SERVER = "interop";
    public static final String MESSENGER_SERVER = "msgr";
    public static final String NEWSLETTER_SERVER = "newsletter";
    public static final String LEGACY_USER_SERVER = "c.us";
    public static final String BOT_SERVER = "bot";

    /** {@code @s.whatsapp.net}: the WhatsApp server as sender or addressee of iqs. */
    public static final Jid SERVER = new Jid("", 0, USER_SERVER);
    /** {@code status@broadcast}: where statuses are sent. */
    public static final Jid STATUS_BROADCAST = new Jid("status", 0, BROADCAST_SERVER);

    public static final int MAX_DEVICE = 0xFFFF;

    public Jid {
        if (user == null || user.indexOf('@') >= 0 || user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("JID user may not contain '@' or ':': " + user);
        }
        if (server == null || server.isEmpty() || server.indexOf('@') >= 0 || server.indexOf(':') >= 0) {
            throw new IllegalArgumentException("JID server must be non-empty without '@' or ':': " + server);
        }
        if (device < 0 || device > MAX_DEVICE) {
            throw new IllegalArgumentException("JID device out of range: " + device);
        }
    }

    public static Jid of(String user, String server) {
        return new Jid(user, 0, server);
    }

    public static Jid of(String user, int device, String server) {
        return new Jid(user, device, server);
    }

    /** Parses JID text from a peer; anything not of the form {@code user[:device]@server} is its error. */
    public static Jid parse(String text) throws MalformedNodeException {
        return tryParse(text).orElseThrow(() -> new MalformedNodeException("not a JID: " + abbreviate(text)));
    }

    public static Optional<Jid> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int at = text.indexOf('@');
        if (at < 0 || at != text.lastIndexOf('@')) {
            return Optional.empty();
        }
        String userPart = text.substring(0, at);
        String server = text.substring(at + 1);
        if (server.isEmpty() || server.indexOf(':') >= 0) {
            return Optional.empty();
        }
        int colon = userPart.indexOf(':');
        if (colon < 0) {
            return Optional.of(new Jid(userPart, 0, server));
        }
        int device = parseDevice(userPart.substring(colon + 1));
        return device < 0 ? Optional.empty() : Optional.of(new Jid(userPart.substring(0, colon), device, server));
    }

    /** Canonical decimal (no sign, no leading zeros) up to {@link #MAX_DEVICE}, else -1. */
    static int parseDevice(String digits) {
        if (digits.isEmpty() || digits.length() > 5 || (digits.length() > 1 && digits.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= MAX_DEVICE ? value : -1;
    }

    public boolean isServer() {
        return user.isEmpty() && USER_SERVER.equals(server);
    }

    /** A phone-number user or one of its devices. */
    public boolean isPhoneNumber() {
        return USER_SERVER.equals(server) && !user.isEmpty();
    }

    public boolean isLid() {
        return LID_SERVER.equals(server);
    }

    public boolean isGroup() {
        return GROUP_SERVER.equals(server);
    }

    public boolean isBroadcast() {
        return BROADCAST_SERVER.equals(server);
    }

    public boolean isStatusBroadcast() {
        return equals(STATUS_BROADCAST);
    }

    /** The account behind a device JID (device 0). */
    public Jid withoutDevice() {
        return device == 0 ? this : new Jid(user, 0, server);
    }

    public Jid withDevice(int newDevice) {
        return new Jid(user, newDevice, server);
    }

    @Override
    public String toString() {
        return device == 0 ? user + "@" + server : user + ":" + device + "@" + server;
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 80 ? String.valueOf(text) : text.substring(0, 80) + "…";
    }
}
