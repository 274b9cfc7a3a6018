package app.statustracker.wa.status;

import app.statustracker.wa.binary.Jid;
import java.util.Collection;
import java.util.Map;

/**
 * Which LID belongs to which phone number (docs/protocol.md, Status stanza: learned from usync {@code <lid val>},
 * receipts' {@code participant_pn}, incoming messages). User JIDs only, no devices. Bulk operations, so that an
 * audience of thousands costs one read and one write.
 */
public interface LidMappingStore {

    /** The known LID user for each of these PN users; unknown ones are simply absent. */
    Map<Jid, Jid> lidsForPhoneNumbers(Collection<Jid> phoneNumbers);

    /** The known PN user for each of these LID users; unknown ones are simply absent. */
    Map<Jid, Jid> phoneNumbersForLids(Collection<Jid> lids);

    /** Remembers PN user → LID user pairs, replacing what was known for those phone numbers. */
    void store(Map<Jid, Jid> phoneNumberToLid);
}
