package app.statustracker.service.fetch;

import app.statustracker.service.preview.AddressGuard;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The only name lookup of a guarded fetch: the addresses it returns are checked here and are the ones the client
 * connects to, so a DNS server that answers a public address for the check and a private one for the connection
 * (rebinding) gets nowhere. Every redirect hop comes through here again.
 */
final class PinnedResolver implements DnsResolver {
    private final boolean allowPrivate;
    private final AddressGuard.Resolver lookup;

    PinnedResolver(boolean allowPrivate, AddressGuard.Resolver lookup) {
        this.allowPrivate = allowPrivate;
        this.lookup = lookup;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = lookup.resolve(bare);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!AddressGuard.isPublic(address)) {
                    throw new PrivateAddressException(host, address);
                }
            }
        }
        return addresses.clone();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        // only used for Kerberos-style auth, which a guarded fetch never does; answer without a second lookup
        return host;
    }

    /** An UnknownHostException, so the client gives up on the host instead of trying it again. */
    static final class PrivateAddressException extends UnknownHostException {
        PrivateAddressException(String host, InetAddress address) {
            super("host " + host + " is not on the public internet (" + address.getHostAddress() + ")");
        }
    }
}
