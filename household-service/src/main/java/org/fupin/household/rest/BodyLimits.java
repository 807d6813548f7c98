package org.fupin.household.rest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.fupin.household.config.ImportConfig;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.problem.ProblemDetail;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Request bodies are small except a bulk import's: every endpoint may carry at most
 * {@code fupin.household.import.max-json-body-size}, the batch endpoint {@code fupin.household.import.max-body-size}
 * ({@code quarkus.http.limits.max-body-size} is only the outer ceiling of the HTTP layer). A declared length is checked
 * before anything is read; a body without one is cut off at the limit while it is read.
 */
public class BodyLimits {

    /** The attribute the HTTP layer's input stream reads its limit from (Quarkus vertx-http). */
    static final String READ_LIMIT = "io.quarkus.max-request-size";
    static final String BATCH_PATH = "/api/v1/household-imports";

    @Inject
    ImportConfig config;

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request, RoutingContext routing) {
        boolean batch = "POST".equals(request.getMethod()) && trimmed(request.getUriInfo().getPath()).equals(BATCH_PATH);
        long limit = (batch ? config.maxBodySize() : config.maxJsonBodySize()).asLongValue();
        String declared = routing.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > limit) {
                    return tooLarge(request, limit);
                }
            } catch (NumberFormatException e) {
                return null; // the HTTP layer answers a malformed length
            }
        } else if (!batch) {
            routing.put(READ_LIMIT, limit);
        }
        return null;
    }

    private static String trimmed(String path) {
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }

    static Response tooLarge(ContainerRequestContext request, long limit) {
        return Response.status(413).type(ProblemDetail.MEDIA_TYPE).header("Connection", "close")
                .entity(new ProblemDetail(ApiProblem.TYPE_BASE + "payload-too-large", "Payload too large", 413,
                        "The request body is larger than " + limit + " bytes" + (limit < 100 * 1024 * 1024
                                ? "; large batches go to POST " + BATCH_PATH + "." : "; split the batch."),
                        request.getUriInfo().getPath(), List.of(new ApiProblem.FieldError("body", "larger than " + limit + " bytes")), Map.of()))
                .build();
    }
}
