package app.statustracker.wa.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JidTest {
    @ParameterizedTest
    @ValueSource(strings = {"15551234567@s.whatsapp.net", "15551234567:3@s.whatsapp.net", "@s.whatsapp.net",
            "100000012345678:3@lid", "status@broadcast", "120363025246125888@g.us", "1555:99@hosted",
            "100000012345678:1@hosted.lid", "5-1234:2@interop", "1234:65535@msgr", "15551234567_1@s.whatsapp.net"})
    void parseThenFormatIsIdentity(String text) throws Exception {
        assertEquals(text, Jid.parse(text).toString());
    }

    @Test
    void deviceZeroIsOmittedAsBaileysDoes() throws Exception {
        Jid jid = Jid.parse("15551234567:0@s.whatsapp.net");
        assertEquals(Jid.parse("15551234567@s.whatsapp.net"), jid);
        assertEquals("15551234567@s.whatsapp.net", jid.toString());
    }

    @Test
    void partsAndPredicates() throws Exception {
        Jid device = Jid.parse("100000012345678:3@lid");
        assertEquals("100000012345678", device.user());
        assertEquals(3, device.device());
        assertEquals(Jid.LID_SERVER, device.server());
        assertTrue(device.isLid());
        assertEquals(Jid.of("100000012345678", Jid.LID_SERVER), device.withoutDevice());
        assertTrue(Jid.parse("@s.whatsapp.net").isServer());
        assertFalse(Jid.parse("1@s.whatsapp.net").isServer());
        assertTrue(Jid.parse("1@s.whatsapp.net").isPhoneNumber());
        assertTrue(Jid.parse("status@broadcast").isStatusBroadcast());
        assertTrue(Jid.parse("1-2@g.us").isGroup());
        assertEquals("1555:7@s.whatsapp.net", Jid.of("1555", Jid.USER_SERVER).withDevice(7).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no-at-sign", "user@", "a@b@c", "1:2:3@s.whatsapp.net", "1:@s.whatsapp.net",
            "1:x@s.whatsapp.net", "1:01@s.whatsapp.net", "1:65536@s.whatsapp.net", "1@server:5"})
    void malformedTextIsAProtocolError(String text) {
        assertThrows(MalformedNodeException.class, () -> Jid.parse(text));
        assertTrue(Jid.tryParse(text).isEmpty());
    }

    @Test
    void constructorRejectsImpossibleParts() {
        assertThrows(IllegalArgumentException.class, () -> Jid.of("a@b", Jid.USER_SERVER));
        assertThrows(IllegalArgumentException.class, () -> Jid.of("a", ""));
        assertThrows(IllegalArgumentException.class, () -> Jid.of("a", -1, Jid.LID_SERVER));
    }
}
