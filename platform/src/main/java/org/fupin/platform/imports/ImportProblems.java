package org.fupin.platform.imports;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.fupin.platform.problem.ProblemDetail;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The 429 of the per-caller job limit, as problem+json with Retry-After. */
public class ImportProblems {

    @ServerExceptionMapper
    public Response tooManyJobs(ImportJobs.TooManyJobs p, UriInfo uri) {
        return Response.status(429).type(ProblemDetail.MEDIA_TYPE)
                .header("Retry-After", Long.toString(p.retryAfterSeconds()))
                .entity(new ProblemDetail(p.type(), p.title(), 429, p.getMessage(), uri.getPath(), p.errors(), p.extensions()))
                .build();
    }
}
