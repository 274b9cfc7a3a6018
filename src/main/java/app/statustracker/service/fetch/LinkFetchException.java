package app.statustracker.service.fetch;

import app.statustracker.service.errors.ServiceException;

/**
 * A link the user gave could not be fetched: refused address, HTTP error, too slow, too many redirects. The
 * message names host and path only, never the query string, which may hold someone's token.
 */
public class LinkFetchException extends ServiceException {
    private final boolean refusedAddress;

    public LinkFetchException(String message, boolean refusedAddress) {
        super(message);
        this.refusedAddress = refusedAddress;
    }

    /** True when the link pointed at an address we do not fetch from (the request was wrong, not the host). */
    public boolean refusedAddress() {
        return refusedAddress;
    }
}
