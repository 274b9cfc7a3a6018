package app.statustracker.service.preview;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class AddressGuardTest {
    private static boolean isPublic(String literal) throws UnknownHostException {
        return AddressGuard.isPublic(InetAddress.getByName(literal));
    }

    @Test
    void privateLoopbackLinkLocalMulticastAndReservedAreNotPublic() throws Exception {
        for (String a : new String[] {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "0.1.2.3", "224.0.0.1",
                "239.1.1.1", "255.255.255.255", "240.0.0.1", "192.0.0.8", "192.0.2.1", "198.18.0.1", "198.51.100.7",
                "203.0.113.9", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "fec0::1",
                "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a00:1", "2001:db8::1",
                // 6to4 of 127.0.0.1 and of a public address alike, Teredo
                "2002:7f00:1::1", "2002:808:808::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001::1"}) {
            assertEquals(false, isPublic(a), a);
        }
    }

    @Test
    void publicAddressesPass() throws Exception {
        for (String a : new String[] {"8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "172.15.255.255",
                "100.128.0.1", "169.253.1.1", "192.169.0.1", "2606:4700:4700::1111", "2a00:1450:4001::200e",
                "::ffff:8.8.8.8", "64:ff9b::808:808", "2001:4860:4860::8888", "2003::1"}) {
            assertEquals(true, isPublic(a), a);
        }
    }

    @Test
    void everyResolvedAddressMustBePublic() throws Exception {
        AddressGuard guard = new AddressGuard(false, host -> switch (host) {
            case "mixed.test" -> new InetAddress[] {InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.0.0.1")};
            case "public.test" -> new InetAddress[] {InetAddress.getByName("8.8.4.4")};
            default -> throw new UnknownHostException(host);
        });
        PreviewFetchException mixed = assertThrows(PreviewFetchException.class, () -> guard.check("mixed.test"));
        assertTrue(mixed.getMessage().contains("10.0.0.1"), mixed.getMessage());
        assertDoesNotThrow(() -> guard.check("public.test"));
        assertTrue(assertThrows(PreviewFetchException.class, () -> guard.check("nowhere.test")).getMessage()
                .contains("does not resolve"));
        assertThrows(PreviewFetchException.class, () -> guard.check(""));
    }

    @Test
    void literalsAndLocalhostAreCheckedAndTheSwitchLiftsTheRule() {
        AddressGuard strict = new AddressGuard(false);
        for (String host : new String[] {"127.0.0.1", "localhost", "[::1]", "169.254.169.254", "[::ffff:127.0.0.1]"}) {
            assertThrows(PreviewFetchException.class, () -> strict.check(host), host);
        }
        assertDoesNotThrow(() -> strict.check("8.8.8.8"));
        AddressGuard open = new AddressGuard(true);
        assertDoesNotThrow(() -> open.check("127.0.0.1"));
        assertDoesNotThrow(() -> open.check("[::1]"));
    }
}
