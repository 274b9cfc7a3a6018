package app.statustracker.api.uploads;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI shape of {@code upload-video}'s multipart body; the resource reads the parts itself. */
@Schema(name = "VideoUpload", description = "multipart/form-data with one file part")
public class VideoUploadForm {
    @Schema(type = SchemaType.STRING, format = "binary", required = true,
            description = "An MP4 video with H.264, at most MAX_UPLOAD_MB; the type is read from its bytes")
    public String video;
}
