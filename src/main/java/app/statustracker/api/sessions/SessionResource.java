package app.statustracker.api.sessions;

import app.statustracker.api.ApiResponse;
import app.statustracker.service.SessionLinkService;
import app.statustracker.service.SessionLinkService.ConnectionStatus;
import app.statustracker.service.SessionLinkService.PairingCodeView;
import app.statustracker.service.SessionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One session: deletion, restart, pairing number, connection status, pairing codes. (The collection is
 * {@link SessionsResource}; JAX-RS matches one root resource per path, so everything under an id lives here.)
 */
@Path("sessions/{sessionId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication state")
public class SessionResource {
    @Inject
    SessionService sessions;

    @Inject
    SessionLinkService link;

    @PathParam("sessionId")
    String sessionId;

    @DELETE
    @Operation(summary = "Delete a session with its auth, statuses and viewers (logs the device out on WhatsApp)")
    public ApiResponse<Map<String, String>> delete() {
        sessions.delete(sessionId);
        return ApiResponse.ok(Map.of("sessionId", sessionId, "message", "Session deleted"));
    }

    @POST
    @Path("restart")
    @Operation(summary = "Tear down and reconnect a session")
    public ApiResponse<SessionView> restart() {
        return ApiResponse.ok(SessionView.of(sessions.restart(sessionId)));
    }

    @PUT
    @Path("phone-number")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update the pairing phone number")
    public ApiResponse<SessionView> phoneNumber(@NotNull(message = "a JSON body is required") @Valid PhoneNumberRequest body) {
        return ApiResponse.ok(SessionView.of(link.updatePhoneNumber(sessionId, body.phoneNumber)));
    }

    @GET
    @Path("connection-status")
    @Operation(summary = "Connected or not, the current pairing code or QR code (PNG data URL), own number")
    public ApiResponse<ConnectionStatus> connectionStatus() {
        return ApiResponse.ok(link.connectionStatus(sessionId));
    }

    @GET
    @Path("pairing-code")
    @Operation(summary = "The current pairing code (only before the session is linked)")
    public ApiResponse<PairingCodeView> pairingCode() {
        return ApiResponse.ok(link.pairingCode(sessionId));
    }

    @POST
    @Path("request-pairing-code")
    @Operation(summary = "Ask WhatsApp for a fresh pairing code (409 once the session is linked)")
    public ApiResponse<PairingCodeView> requestPairingCode() {
        return ApiResponse.ok(link.requestPairingCode(sessionId));
    }
}
