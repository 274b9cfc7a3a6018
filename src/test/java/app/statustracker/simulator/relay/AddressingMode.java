package app.statustracker.simulator.relay;

import app.statustracker.simulator.state.Account;
import app.statustracker.wa.binary.Jid;

/**
 * How a stanza names people (docs/protocol.md, Status stanza and Simulator): by phone number or by LID. The server
 * answers in the mode the sender chose: a status whose {@code <to>} entries are LIDs is delivered with LID
 * participants.
 */
public enum AddressingMode {
    PN, LID;

    public static AddressingMode of(Jid jid) {
        return jid.isLid() ? LID : PN;
    }

    public String deviceJid(Account account, int device) {
        return this == LID ? account.lidJid(device) : account.pnJid(device);
    }

    public String userJid(Account account) {
        return deviceJid(account, 0);
    }

    /** The same device in the other mode, for the {@code participant_pn} / {@code participant_lid} attributes. */
    public String otherDeviceJid(Account account, int device) {
        return this == LID ? account.pnJid(device) : account.lidJid(device);
    }
}
