package app.statustracker.service.errors;

/** The id in the request names nothing we hold. */
public class NotFoundException extends ServiceException {
    public NotFoundException(String message) {
        super(message);
    }
}
