package org.fupin.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Maps every failure to problem+json: client mistakes to 4xx naming the field, the rest to a 500 without internals. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem p, UriInfo uri) {
        return render(p.status(), p.type(), p.title(), p.getMessage(), uri, p.errors(), p.extensions());
    }

    @ServerExceptionMapper(priority = 1)
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<ApiProblem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new ApiProblem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(ApiProblem.FieldError::field))
                .toList();
        ApiProblem p = ApiProblem.validation(errors);
        return apiProblem(p, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? fieldPath(m, "body") : "body";
        return apiProblem(ApiProblem.validation(field, readableMessage(e)), uri);
    }

    /**
     * What is wrong with a value that could not be read, in the client's terms: the expected kind of value or the
     * allowed values, never a Java class name and never the value itself (it may be personal).
     */
    public static String readableMessage(JsonProcessingException e) {
        if (e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
            return "cannot be read: " + truncate(iae.getMessage()); // a value type's own rule, e.g. Money
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "is not a known field";
        }
        if (e instanceof MismatchedInputException m) {
            return expected(m.getTargetType());
        }
        if (e instanceof JsonMappingException) {
            return "cannot be read";
        }
        return "is not valid JSON" + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")");
    }

    /** The kind of JSON value a target type takes, for a client. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        }
        if (type == LocalDate.class) {
            return "must be a date as yyyy-MM-dd";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be a date and time in ISO 8601 form";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class
                || type == short.class || type == BigInteger.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        if (type == String.class || type == UUID.class) {
            return type == UUID.class ? "must be a UUID" : "must be a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be an object";
    }

    private static String truncate(String message) {
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return render(403, ApiProblem.TYPE_BASE + "forbidden", "Forbidden", "Your roles do not allow this action.", uri, List.of(), Map.of());
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri); // the body could not be read: name the field
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = Response.Status.fromStatusCode(status) != null ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        Response r = render(status, ApiProblem.TYPE_BASE + "http-" + status, title, e.getMessage(), uri, List.of(), Map.of());
        if (status == 405 || status == 401) {
            Response.ResponseBuilder b = Response.fromResponse(r);
            e.getResponse().getHeaders().forEach((k, v) -> v.forEach(x -> b.header(k, x)));
            return b.build();
        }
        return r;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, incident %s", incident);
        return render(500, ApiProblem.TYPE_BASE + "internal", "Internal error",
                "An unexpected error occurred; quote incident " + incident + " to the operators.", uri, List.of(),
                Map.of("incident", incident));
    }

    private Response unauthenticated(UriInfo uri) {
        Response r = render(401, ApiProblem.TYPE_BASE + "unauthenticated", "Unauthenticated",
                "Send a valid bearer token.", uri, List.of(), Map.of());
        return Response.fromResponse(r).header("WWW-Authenticate", "Bearer").build();
    }

    static Response render(int status, String type, String title, String detail, UriInfo uri,
                           List<ApiProblem.FieldError> errors, Map<String, Object> extensions) {
        String instance = uri == null ? null : uri.getPath();
        return Response.status(status)
                .type(ProblemDetail.MEDIA_TYPE)
                .entity(new ProblemDetail(type, title, status, detail, instance, errors, extensions))
                .build();
    }

    /** The JSON path of a mapping failure as a field name: {@code members[1].residentId}; the fallback when it has none. */
    public static String fieldPath(JsonMappingException e, String fallback) {
        if (e.getPath().isEmpty()) {
            return fallback;
        }
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The last property node of a violation's path: {@code register.request.headName} → {@code headName}. */
    static String fieldName(ConstraintViolation<?> v) {
        String name = null;
        StringBuilder indexed = new StringBuilder();
        boolean seenBean = false;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.METHOD || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                    name = node.getName();
                }
                continue;
            }
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                if (!seenBean) {
                    indexed.setLength(0);
                    seenBean = true;
                } else {
                    indexed.append('.');
                }
                indexed.append(node.getName());
                if (node.getIndex() != null) {
                    indexed.append('[').append(node.getIndex()).append(']');
                }
            }
        }
        return indexed.length() > 0 ? indexed.toString() : (name == null ? "body" : name);
    }
}
