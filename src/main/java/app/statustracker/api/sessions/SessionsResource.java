package app.statustracker.api.sessions;

import app.statustracker.api.ApiResponse;
import app.statustracker.service.SessionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions")
public class SessionsResource {
    @Inject
    SessionService sessions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create and start a session")
    public Response create(@NotNull(message = "a JSON body is required") @Valid CreateSessionRequest body) {
        SessionView created = SessionView.of(sessions.create(body.sessionId, body.sessionName,
                body.authMethod, body.phoneNumber));
        sessions.connect(created.sessionId()); // after the commit: the connection's threads must see the row
        return Response.status(201).entity(ApiResponse.ok(created)).build();
    }

    @GET
    @Operation(summary = "List all sessions with their connection state")
    public ApiResponse<List<SessionView>> list() {
        return ApiResponse.ok(sessions.list().stream().map(SessionView::of).toList());
    }
}
