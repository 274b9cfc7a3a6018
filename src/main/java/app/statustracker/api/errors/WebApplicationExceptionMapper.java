package app.statustracker.api.errors;

import app.statustracker.api.ApiResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own refusals (unknown route, wrong method, wrong media type...) in the seed's envelope. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return InternalErrorMapper.logged(e);
        }
        if (BodyErrors.tooLarge(e)) {
            return ApiResponse.failure(413, BodyErrors.TOO_LARGE);
        }
        String message = switch (status) {
            case 400 -> BodyErrors.describe(e);
            case 404 -> "Not found: " + (uri == null ? "" : "/" + uri.getPath());
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable: this API answers application/json";
            case 413 -> BodyErrors.TOO_LARGE;
            case 415 -> uploadRoute() ? "Unsupported media type: send multipart/form-data with the file in one field"
                    : "Unsupported media type: send application/json";
            default -> original.getStatusInfo().getReasonPhrase();
        };
        Response.ResponseBuilder builder = Response.fromResponse(ApiResponse.failure(status, message));
        if (original.getHeaderString("Allow") != null) {
            builder.header("Allow", original.getHeaderString("Allow"));
        }
        return builder.build();
    }

    private boolean uploadRoute() {
        String path = uri == null ? "" : uri.getPath();
        return path.startsWith("upload-") || path.startsWith("/upload-");
    }
}
