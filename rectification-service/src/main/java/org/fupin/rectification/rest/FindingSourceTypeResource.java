package org.fupin.rectification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.platform.security.Roles;
import org.fupin.rectification.service.FindingSourceTypeService;

import java.util.List;

@Path("/api/v1/finding-source-types")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "finding-source-types", description = "Kinds of check that produce findings to rectify (问题来源)")
@SecurityRequirement(name = "SecurityScheme")
public class FindingSourceTypeResource {

    @Inject
    FindingSourceTypeService service;

    @GET
    @RolesAllowed({Roles.RECTIFICATION_VIEWER, Roles.RECTIFICATION_CLERK, Roles.RECTIFICATION_INSPECTOR})
    public List<FindingSourceTypeView> list() {
        return service.list().stream().map(FindingSourceTypeView::of).toList();
    }
}
