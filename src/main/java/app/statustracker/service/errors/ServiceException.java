package app.statustracker.service.errors;

/** A request the service understood but refuses; each subclass is one failure a caller can act on. */
public abstract class ServiceException extends RuntimeException {
    protected ServiceException(String message) {
        super(message);
    }
}
