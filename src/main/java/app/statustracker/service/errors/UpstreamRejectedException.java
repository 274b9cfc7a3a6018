package app.statustracker.service.errors;

/**
 * WhatsApp refused or never confirmed what we sent (an ack with an error code, no ack in time): the request was
 * valid, the upstream failed it. The API answers 502 with the reason.
 */
public class UpstreamRejectedException extends ServiceException {
    public UpstreamRejectedException(String message) {
        super(message);
    }
}
