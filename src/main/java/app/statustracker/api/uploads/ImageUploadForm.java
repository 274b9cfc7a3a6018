package app.statustracker.api.uploads;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI shape of {@code upload-image}'s multipart body; the resource reads the parts itself. */
@Schema(name = "ImageUpload", description = "multipart/form-data with one file part")
public class ImageUploadForm {
    @Schema(type = SchemaType.STRING, format = "binary", required = true,
            description = "A JPEG, PNG or WebP image, at most MAX_UPLOAD_MB; the type is read from its bytes")
    public String image;
}
