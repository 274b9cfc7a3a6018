package app.statustracker.service.errors;

/** A value that is well-formed JSON but means nothing valid (a bad phone number, an unknown method). */
public class InvalidInputException extends ServiceException {
    public InvalidInputException(String message) {
        super(message);
    }
}
