package app.statustracker.api.system;

import app.statustracker.api.ApiResponse;
import app.statustracker.service.SystemService;
import app.statustracker.service.SystemService.Health;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("health")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "System")
public class HealthResource {
    @Inject
    SystemService system;

    @GET
    @Operation(summary = "Health check: service, database and session counts")
    public ApiResponse<Health> health() {
        return ApiResponse.ok(system.health());
    }
}
