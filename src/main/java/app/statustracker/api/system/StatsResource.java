package app.statustracker.api.system;

import app.statustracker.api.ApiResponse;
import app.statustracker.service.SystemService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "System")
public class StatsResource {
    @Inject
    SystemService system;

    @GET
    @Path("stats")
    @Operation(summary = "Sessions by state; statuses, viewers and deliveries in the last 24 hours and in total")
    public ApiResponse<SystemService.Stats> stats() {
        return ApiResponse.ok(system.stats());
    }

    @GET
    @Path("storage")
    @Operation(summary = "Bytes each session occupies in each table, measured by the database")
    public ApiResponse<SystemService.Storage> storage() {
        return ApiResponse.ok(system.storage());
    }
}
