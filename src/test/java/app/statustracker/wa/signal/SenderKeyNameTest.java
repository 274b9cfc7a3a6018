package app.statustracker.wa.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.statustracker.wa.binary.Jid;
import org.junit.jupiter.api.Test;

/** The store key text Baileys and whatsmeow use: {@code <groupId>::<signal user>::<device>}
 * (docs/protocol.md, Signal). */
class SenderKeyNameTest {

    @Test
    void textFormFollowsTheSignalAddress() throws Exception {
        assertEquals("status@broadcast::1000_1::0",
                new SenderKeyName("status@broadcast", SignalAddress.of(Jid.parse("1000@lid"))).toString());
        assertEquals("status@broadcast::155500::2",
                new SenderKeyName("status@broadcast", SignalAddress.of(Jid.parse("155500:2@s.whatsapp.net"))).toString());
        assertNotEquals(new SenderKeyName("status@broadcast", new SignalAddress("1000", 0)),
                new SenderKeyName("status@broadcast", new SignalAddress("1000_1", 0)), "PN and LID are two names");
    }

    @Test
    void textFormParsesBack() {
        for (SenderKeyName name : new SenderKeyName[] {
                new SenderKeyName("status@broadcast", new SignalAddress("1000_1", 12)),
                new SenderKeyName("120363000000000000@g.us", new SignalAddress("155500", 0)),
                new SenderKeyName("odd::group", new SignalAddress("7", 3))}) {
            assertEquals(name, SenderKeyName.parse(name.toString()));
        }
    }

    @Test
    void otherTextIsRefused() {
        for (String bad : new String[] {"", "status@broadcast", "status@broadcast::1000", "::1000::0",
                "status@broadcast::1000::x", "status@broadcast::10.00::0"}) {
            assertThrows(IllegalArgumentException.class, () -> SenderKeyName.parse(bad), bad);
        }
    }
}
