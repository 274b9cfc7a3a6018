package app.statustracker.service.errors;

/** The request clashes with what exists (a duplicate id, a code asked for after linking). */
public class ConflictException extends ServiceException {
    public ConflictException(String message) {
        super(message);
    }
}
