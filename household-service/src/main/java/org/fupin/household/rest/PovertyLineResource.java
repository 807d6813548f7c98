package org.fupin.household.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.household.service.PovertyLines;
import org.fupin.platform.money.Money;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionCode;

/** Poverty lines (贫困线) per province and year: read by anyone signed in, loaded by an administrator. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "poverty-lines", description = "Poverty lines per province and year (贫困线)")
@SecurityRequirement(name = "SecurityScheme")
public class PovertyLineResource {

    /** Loads poverty lines: a provincial administrator for the own province, a national one (region 00) for the default. */
    public static final String HOUSEHOLD_ADMIN = "household-admin";

    /**
     * @param provinceCode 2-digit province code (省级区划代码), or 00 for the national default
     * @param amount       yuan per person and year, a decimal string
     */
    public record PovertyLineRequest(
            @NotNull @Pattern(regexp = "[0-9]{2}", message = "must be a 2-digit province code, or 00 for the national default") String provinceCode,
            @NotNull @Min(2000) @Max(2100) Integer year,
            @NotNull Money amount) {
    }

    /** @param scope PROVINCE or NATIONAL; @param origin ADMINISTRATOR (loaded here) or CONFIGURATION */
    public record PovertyLineView(String provinceCode, int year, Money amount, String scope, String origin) {
        static PovertyLineView of(PovertyLines.Line l) {
            return new PovertyLineView(l.provinceCode(), l.year(), new Money(l.amount()), l.scope().name(), l.origin().name());
        }
    }

    @Inject
    PovertyLines lines;

    @PUT
    @Path("admin/poverty-lines")
    @RolesAllowed(HOUSEHOLD_ADMIN)
    @Operation(summary = "Load the poverty line of a province (or, with 00, the national default) for a year")
    public PovertyLineView set(@Valid @NotNull PovertyLineRequest request) {
        return PovertyLineView.of(lines.set(request.provinceCode(), request.year(), request.amount().amount()));
    }

    @GET
    @Path("poverty-lines")
    @Authenticated
    @Operation(summary = "The poverty line that applies in a region (code or prefix; none: national) in a year")
    public PovertyLineView get(@QueryParam("region") String region, @QueryParam("year") String yearText) {
        if (region != null && !region.isBlank() && (region.length() < 2 || !RegionCode.isValidPrefix(region))) {
            throw ApiProblem.validation("region", "must be a region code or prefix of 2, 4, 6, 9 or 12 digits");
        }
        if (yearText == null || !yearText.matches("[0-9]{4}") || Integer.parseInt(yearText) < 2000 || Integer.parseInt(yearText) > 2100) {
            throw ApiProblem.validation("year", "must be a year from 2000 to 2100");
        }
        int year = Integer.parseInt(yearText);
        String code = region == null || region.isBlank() ? PovertyLines.NATIONAL : region;
        return lines.find(code, year).map(PovertyLineView::of).orElseThrow(() -> new ApiProblem(404, ApiProblem.TYPE_BASE
                + "no-poverty-line", "No poverty line", "No poverty line is set for " + year
                + (code.startsWith(PovertyLines.NATIONAL) ? "" : " in province " + code.substring(0, 2) + " or") + " nationally.")
                .withField("year"));
    }
}
