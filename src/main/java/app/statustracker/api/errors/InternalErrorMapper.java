package app.statustracker.api.errors;

import app.statustracker.api.ApiResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything unexpected: logged with a reference, answered 500 without a stack trace. */
@Provider
public class InternalErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(InternalErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (BodyErrors.tooLarge(e)) {
            return ApiResponse.failure(413, BodyErrors.TOO_LARGE);
        }
        if (BodyErrors.isJsonProblem(e)) {
            return ApiResponse.failure(400, BodyErrors.describe(e));
        }
        return logged(e);
    }

    static Response logged(Throwable e) {
        String ref = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "Internal error (ref " + ref + ")", e);
        return ApiResponse.failure(500, "Internal server error (ref " + ref + ")");
    }
}
