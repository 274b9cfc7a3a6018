package app.statustracker.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The seed's envelope: {@code {"success": true, "data": ...}} or {@code {"success": false, "error": "..."}}. */
@JsonbPropertyOrder({"success", "data", "error"})
public record ApiResponse<T>(boolean success, T data, String error) {

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, data, null);
    }

    public static Response failure(int status, String error) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiResponse<>(false, null, error))
                .build();
    }
}
