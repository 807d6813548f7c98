package org.fupin.platform.outbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.security.Roles;

import java.util.List;
import java.util.UUID;

/**
 * Operators' view of parked outbox events (served by every service, since each has its own outbox): list them and
 * re-queue one or all after the cause was fixed. A re-queued event is published before the events of its aggregate
 * that waited behind it. Payloads are never shown.
 */
@Path("/api/v1/admin/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OUTBOX_ADMIN)
@Tag(name = "outbox admin")
public class OutboxAdminResource {

    static final int MAX_LIMIT = 500;

    @Inject
    OutboxParking parking;

    @GET
    @Operation(summary = "Parked outbox events in the caller's region, oldest first (no payloads)")
    public List<OutboxParking.ParkedEvent> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.validation("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return parking.list(limit);
    }

    @POST
    @Path("{id}/requeue")
    @Operation(summary = "Re-queue one parked event (by event id); it is published before the events held behind it")
    public void requeue(@PathParam("id") String id) {
        UUID eventId;
        try {
            eventId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation("id", "must be an event id (UUID)");
        }
        parking.requeue(eventId);
    }

    @POST
    @Path("requeue-all")
    @Operation(summary = "Re-queue every parked event in the caller's region")
    public RequeuedCount requeueAll() {
        return new RequeuedCount(parking.requeueAll());
    }

    public record RequeuedCount(int requeued) {
    }
}
