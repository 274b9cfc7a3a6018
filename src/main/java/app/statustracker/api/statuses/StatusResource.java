package app.statustracker.api.statuses;

import app.statustracker.api.ApiResponse;
import app.statustracker.service.StatusService;
import app.statustracker.service.errors.InvalidInputException;
import app.statustracker.service.status.DeletedStatusView;
import app.statustracker.service.status.SendStatusInput;
import app.statustracker.service.status.SentStatusView;
import app.statustracker.service.status.StatusSummaryView;
import app.statustracker.service.status.StatusViewersView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The seed's status routes under one session. Same {@code @Path} as {@code SessionResource}: JAX-RS puts root
 * resources with the same path template into one group, so both classes' sub-paths are matched together.
 */
@Path("sessions/{sessionId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statuses")
public class StatusResource {
    @Inject
    StatusService statuses;

    @PathParam("sessionId")
    String sessionId;

    @POST
    @Path("send-status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post a text or link status to the given numbers (empty: your own number). 400 bad input, "
            + "404 unknown session, 409 session not connected, 502 WhatsApp refused it (stored as failed)")
    public ApiResponse<SentStatusView> send(@NotNull(message = "a JSON body is required") SendStatusRequest body) {
        return ApiResponse.ok(statuses.send(sessionId, new SendStatusInput(body.type, body.content, body.caption,
                body.targetNumbers, body.backgroundColor, body.textColor, body.font)));
    }

    @GET
    @Path("sent-statuses")
    @Operation(summary = "Statuses of the last 24 hours, newest first, with recipients and delivered/viewed/played counts")
    public ApiResponse<List<StatusSummaryView>> sent() {
        return ApiResponse.ok(statuses.recent(sessionId));
    }

    @GET
    @Path("status-viewers/{statusId}")
    @Operation(summary = "Who received, viewed and played a status, with the first time of each")
    public ApiResponse<StatusViewersView> viewers(@PathParam("statusId") String statusId) {
        return ApiResponse.ok(statuses.viewers(sessionId, statusId));
    }

    @DELETE
    @Path("delete-status/{statusId}")
    @Operation(summary = "Remove a status's local tracking data; with ?revoke=true first delete it for everyone on "
            + "WhatsApp (nothing is deleted if that fails)")
    public ApiResponse<DeletedStatusView> delete(@PathParam("statusId") String statusId,
            @Parameter(description = "true: also delete the status on the recipients' phones")
            @QueryParam("revoke") String revoke) {
        return ApiResponse.ok(statuses.delete(sessionId, statusId, revokeFlag(revoke)));
    }

    private static boolean revokeFlag(String raw) {
        if (raw == null || raw.isEmpty() || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        throw new InvalidInputException("revoke must be true or false");
    }
}
