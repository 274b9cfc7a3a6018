package app.statustracker.wa.signal;

import java.util.Objects;

/**
 * Which sender key a record is: the chat it is used in (a group JID, or {@code status@broadcast}) and the
 * Signal address of the device that sends with it (docs/protocol.md, Signal). Receivers take the address from the
 * stanza's {@code participant}, never from the SKDM, so a PN and a LID of the same sender are two names.
 *
 * <p>The text form {@code <groupId>::<name>::<device>} is the store key Baileys (SenderKeyName.serialize) and
 * whatsmeow use, e.g. {@code status@broadcast::1000_1::0}.
 */
public record SenderKeyName(String groupId, SignalAddress sender) {
    private static final String SEPARATOR = "::";

    public SenderKeyName {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(sender, "sender");
        if (groupId.isEmpty()) {
            throw new IllegalArgumentException("sender key group id must not be empty");
        }
    }

    /** Reads the text form back; the group id may itself contain {@code ::}, the address never does. */
    public static SenderKeyName parse(String serialized) {
        int deviceAt = serialized.lastIndexOf(SEPARATOR);
        int nameAt = deviceAt <= 0 ? -1 : serialized.lastIndexOf(SEPARATOR, deviceAt - 1);
        if (nameAt <= 0) {
            throw new IllegalArgumentException("not a sender key name: " + serialized);
        }
        int device;
        try {
            device = Integer.parseInt(serialized.substring(deviceAt + SEPARATOR.length()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a sender key name: " + serialized, e);
        }
        String name = serialized.substring(nameAt + SEPARATOR.length(), deviceAt);
        return new SenderKeyName(serialized.substring(0, nameAt), new SignalAddress(name, device));
    }

    @Override
    public String toString() {
        return groupId + SEPARATOR + sender.name() + SEPARATOR + sender.deviceId();
    }
}
