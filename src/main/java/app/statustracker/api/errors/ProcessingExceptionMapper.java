package app.statustracker.api.errors;

import app.statustracker.api.ApiResponse;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Jersey wraps body-reading failures in ProcessingException; unwrap to a 400 or 413. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
        if (BodyErrors.tooLarge(e)) {
            return ApiResponse.failure(413, BodyErrors.TOO_LARGE);
        }
        if (BodyErrors.isJsonProblem(e)) {
            return ApiResponse.failure(400, BodyErrors.describe(e));
        }
        return InternalErrorMapper.logged(e);
    }
}
