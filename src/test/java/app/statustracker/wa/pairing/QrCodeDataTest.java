package app.statustracker.wa.pairing;

import static app.statustracker.wa.pairing.PairingVectors.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QrCodeDataTest {

    @Test
    void urlWithRefThreeKeysInPaddedBase64AndPlatform() {
        String qr = QrCodeData.format("2@abc+/=", seq(0, 32), seq(32, 32), seq(64, 32), "1");
        assertEquals("https://wa.me/settings/linked_devices#2@abc+/=,"
                + "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=,"
                + "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=,"
                + "QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=,1", qr);
    }

    @Test
    void refusesWrongKeyLengthsAndCommaRefs() {
        assertThrows(IllegalArgumentException.class, () -> QrCodeData.format("a,b", seq(0, 32), seq(0, 32), seq(0, 32), "1"));
        assertThrows(IllegalArgumentException.class, () -> QrCodeData.format("ref", seq(0, 33), seq(0, 32), seq(0, 32), "1"));
    }
}
