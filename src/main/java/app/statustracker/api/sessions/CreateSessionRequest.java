package app.statustracker.api.sessions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/sessions}, as the seed describes it. A class with fields rather than a record:
 * Payara's OpenAPI scanner fails (NPE) on Bean Validation annotations that a record component copies onto
 * its constructor parameters.
 */
public class CreateSessionRequest {
    @NotBlank(message = "is required")
    @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "may hold only letters, numbers, _ and - (at most 64)")
    public String sessionId;

    @NotBlank(message = "is required")
    @Size(max = 200, message = "must be at most 200 characters")
    public String sessionName;

    @Pattern(regexp = "pairing|qrcode", message = "must be pairing or qrcode")
    public String authMethod;

    @Size(max = 32, message = "must be 10-15 digits including the country code")
    public String phoneNumber;
}
