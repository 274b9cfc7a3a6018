package app.statustracker.api.uploads;

import app.statustracker.api.ApiResponse;
import app.statustracker.service.UploadService;
import app.statustracker.service.UploadService.UploadView;
import app.statustracker.service.errors.InvalidInputException;
import app.statustracker.service.media.UploadStore.Kind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The seed's media uploads. Coded against the standard {@link EntityPart} (Jakarta REST 3.1), so it runs on any
 * server's JAX-RS: the multipart body is parsed by the server (which spills large parts to disk) and the one file
 * part is streamed from there into the uploads folder.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Media uploads")
public class UploadResource {
    @Inject
    UploadService uploads;

    @POST
    @Path("upload-image")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a JPEG, PNG or WebP image (multipart field image) to post as an image status; "
            + "answers the stored filename to pass as content. 413 over MAX_UPLOAD_MB, 415 when the bytes are no "
            + "such image")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = ImageUploadForm.class)))
    public ApiResponse<UploadView> image(List<EntityPart> parts) {
        return ApiResponse.ok(store(parts, "image", Kind.IMAGE));
    }

    @POST
    @Path("upload-video")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload an MP4 (H.264) video (multipart field video) to post as a video status; answers "
            + "the stored filename to pass as content. 413 over MAX_UPLOAD_MB, 415 when the bytes are no such video")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = VideoUploadForm.class)))
    public ApiResponse<UploadView> video(List<EntityPart> parts) {
        return ApiResponse.ok(store(parts, "video", Kind.VIDEO));
    }

    private UploadView store(List<EntityPart> parts, String field, Kind kind) {
        EntityPart file = onlyPart(parts, field);
        try (InputStream content = file.getContent()) {
            return uploads.store(content, kind);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exactly one part, named {@code field}: a typo in the name must not be read as an empty upload. */
    static EntityPart onlyPart(List<EntityPart> parts, String field) {
        if (parts == null || parts.isEmpty()) {
            throw new InvalidInputException("a multipart/form-data body with the file in field '" + field
                    + "' is required");
        }
        EntityPart found = null;
        for (EntityPart part : parts) {
            if (!field.equals(part.getName())) {
                throw new InvalidInputException("unknown multipart field '" + abbreviate(part.getName())
                        + "': the file goes in field '" + field + "', nothing else is taken");
            }
            if (found != null) {
                throw new InvalidInputException("field '" + field + "' came more than once; upload one file per "
                        + "request");
            }
            found = part;
        }
        return found;
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
