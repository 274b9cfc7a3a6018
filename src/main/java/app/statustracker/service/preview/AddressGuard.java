package app.statustracker.service.preview;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Keeps link-preview fetches on the public internet: a status link must not make the server read its own admin
 * ports, the cloud metadata service (169.254.169.254) or the office network (server-side request forgery).
 * Every address a host name resolves to must be public; {@code FETCH_ALLOW_PRIVATE_ADDRESSES=true} lifts the rule
 * (tests fetch from loopback).
 *
 * <p>The JDK caches successful lookups (30 s by default), so the HttpClient connecting right after this check
 * gets the addresses that were checked, not a second answer from a rebinding DNS server.
 */
public final class AddressGuard {
    /** Resolves host names; replaceable in tests. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public AddressGuard(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public AddressGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** @throws PreviewFetchException when the host does not resolve or any of its addresses is not public */
    public void check(String host) throws PreviewFetchException {
        if (host == null || host.isEmpty()) {
            throw new PreviewFetchException("the link has no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new PreviewFetchException("host " + host + " does not resolve");
        }
        if (allowPrivate) {
            return;
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a)) {
                throw new PreviewFetchException("host " + host + " is not on the public internet (" + a.getHostAddress()
                        + ")");
            }
        }
    }

    /**
     * False for loopback, private, link-local, multicast, unspecified, carrier-grade NAT and reserved ranges, and for
     * the IPv6 forms that lead to such an IPv4 host (mapped, compatible, NAT64 with a private address; 6to4, Teredo).
     */
    public static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xFF;
            if ((first & 0xFE) == 0xFC) {
                return false; // fc00::/7 unique local
            }
            if ((first == 0xFE) && ((b[1] & 0xC0) == 0xC0)) {
                return false; // fec0::/10 old site-local
            }
            if (isEmbeddedV4(b)) {
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if (first == 0x20 && (b[1] & 0xFF) == 0x01 && b[2] == 0x0D && (b[3] & 0xFF) == 0xB8) {
                return false; // 2001:db8::/32 documentation
            }
            // Tunnels that reach an IPv4 host whose address is written inside: 6to4 (2002::/16) and Teredo
            // (2001::/32, the client's address obfuscated). Refused whole rather than decoded: no site a status
            // links to needs them, and a relay may deliver to a private address.
            if (first == 0x20 && (b[1] & 0xFF) == 0x02) {
                return false; // 2002::/16 6to4
            }
            if (first == 0x20 && (b[1] & 0xFF) == 0x01 && b[2] == 0 && b[3] == 0) {
                return false; // 2001::/32 Teredo
            }
            return true;
        }
        return false;
    }

    /** ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible) and 64:ff9b::a.b.c.d (NAT64) reach an IPv4 host. */
    private static boolean isEmbeddedV4(byte[] b) {
        boolean zeros80 = true;
        for (int i = 0; i < 10; i++) {
            zeros80 &= b[i] == 0;
        }
        boolean mapped = zeros80 && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
        boolean compatible = zeros80 && b[10] == 0 && b[11] == 0;
        boolean nat64 = b[0] == 0 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B;
        return mapped || compatible || nat64;
    }

    private static boolean isPublicV4(byte[] b) {
        int o1 = b[0] & 0xFF;
        int o2 = b[1] & 0xFF;
        int o3 = b[2] & 0xFF;
        return !(o1 == 0                                   // 0.0.0.0/8 "this network"
                || o1 == 10                                // 10/8
                || o1 == 127                               // loopback
                || o1 == 100 && (o2 & 0xC0) == 64          // 100.64/10 carrier-grade NAT
                || o1 == 169 && o2 == 254                  // link-local, cloud metadata
                || o1 == 172 && (o2 & 0xF0) == 16          // 172.16/12
                || o1 == 192 && o2 == 168                  // 192.168/16
                || o1 == 192 && o2 == 0 && (o3 == 0 || o3 == 2) // IETF protocol assignments, TEST-NET-1
                || o1 == 198 && (o2 & 0xFE) == 18          // 198.18/15 benchmarking
                || o1 == 198 && o2 == 51 && o3 == 100      // TEST-NET-2
                || o1 == 203 && o2 == 0 && o3 == 113       // TEST-NET-3
                || o1 >= 224);                             // multicast, reserved, broadcast
    }
}
