package app.statustracker.api.errors;

import app.statustracker.api.ApiResponse;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not JSON, or not JSON of the expected shape: 400 with a short reason. */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
        if (BodyErrors.tooLarge(e)) {
            return ApiResponse.failure(413, BodyErrors.TOO_LARGE);
        }
        return ApiResponse.failure(400, BodyErrors.describe(e));
    }
}
