package app.statustracker.api.errors;

import app.statustracker.api.ApiResponse;
import app.statustracker.service.errors.ConflictException;
import app.statustracker.service.errors.InvalidInputException;
import app.statustracker.service.errors.NotFoundException;
import app.statustracker.service.errors.ServiceException;
import app.statustracker.service.errors.UpstreamRejectedException;
import app.statustracker.service.media.InvalidMediaException;
import app.statustracker.service.media.MediaTooLargeException;
import app.statustracker.service.media.UnsupportedMediaException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The one place where service failures become HTTP statuses. */
@Provider
public class ServiceExceptionMapper implements ExceptionMapper<ServiceException> {
    @Override
    public Response toResponse(ServiceException e) {
        int status;
        if (e instanceof NotFoundException) {
            status = 404;
        } else if (e instanceof ConflictException) {
            status = 409;
        } else if (e instanceof InvalidInputException || e instanceof InvalidMediaException) {
            status = 400;
        } else if (e instanceof UpstreamRejectedException) {
            status = 502;
        } else if (e instanceof MediaTooLargeException) {
            status = 413;
        } else if (e instanceof UnsupportedMediaException) {
            status = 415;
        } else {
            status = 422;
        }
        return ApiResponse.failure(status, e.getMessage());
    }
}
