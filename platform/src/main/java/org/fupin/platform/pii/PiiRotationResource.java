package org.fupin.platform.pii;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.security.Roles;

import java.net.URI;

/**
 * Key rotation for personal data, in every service that stores some ({@code fupin.pii.encrypted-columns}); in others it
 * has nothing to do. Configure the new key, make it active on every replica, then start a rotation here.
 */
@Path("/api/v1/admin/pii/rotation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PII_ADMIN)
@Tag(name = "admin")
public class PiiRotationResource {

    static final String PATH = "/api/v1/admin/pii/rotation";

    @Inject
    KeyRotation rotation;
    @Inject
    AuditTrail audit;

    @POST
    @Operation(summary = "Re-encrypt every stored personal identifier with the active key, in the background",
            description = "202 at once; the job runs on the replica that received the request (it is safe to start it on several)."
                    + " Follow it with GET.")
    public Response start() {
        if (rotation.start()) {
            String detail = "active key " + rotation.status().activeKeyId() + ", columns "
                    + rotation.columns().stream().map(KeyRotation.Column::name).toList();
            QuarkusTransaction.requiringNew().run(() -> audit.record("PII_KEY_ROTATION_STARTED", "pii-keyring", "encrypted-columns", null, detail));
        }
        return Response.accepted(rotation.status()).location(URI.create(PATH)).build();
    }

    @GET
    @Operation(summary = "Stored values per key id and column, and this replica's rotation job")
    public KeyRotation.Status status() {
        return rotation.status();
    }
}
