package app.statustracker.api.sessions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/sessions/:id/phone-number}. */
public class PhoneNumberRequest {
    @NotBlank(message = "is required")
    @Size(max = 32, message = "must be 10-15 digits including the country code")
    public String phoneNumber;
}
