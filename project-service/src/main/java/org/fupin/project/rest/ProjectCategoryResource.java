package org.fupin.project.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.platform.security.Roles;
import org.fupin.project.service.ProjectCategoryService;

import java.util.List;

@Path("/api/v1/project-categories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "project-categories", description = "Categories of the national project library (项目类别)")
@SecurityRequirement(name = "SecurityScheme")
public class ProjectCategoryResource {

    @Inject
    ProjectCategoryService service;

    @GET
    @RolesAllowed({Roles.PROJECT_VIEWER, Roles.PROJECT_CLERK})
    public List<ProjectCategoryView> list() {
        return service.list().stream().map(ProjectCategoryView::of).toList();
    }
}
