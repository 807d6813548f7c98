package org.fupin.fund.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.fund.service.FundSourceService;
import org.fupin.platform.security.Roles;

import java.util.List;

@Path("/api/v1/fund-sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "fund-sources", description = "Sources of poverty-alleviation money (资金来源)")
@SecurityRequirement(name = "SecurityScheme")
public class FundSourceResource {

    @Inject
    FundSourceService service;

    @GET
    @RolesAllowed({Roles.FUND_VIEWER, Roles.FUND_CLERK})
    public List<FundSourceView> list() {
        return service.list().stream().map(FundSourceView::of).toList();
    }
}
