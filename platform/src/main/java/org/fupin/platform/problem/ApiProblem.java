package org.fupin.platform.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client-facing failure rendered as RFC 9457 problem+json. Thrown by domain and service code; mapped once, in
 * {@link ProblemMappers}. Throwing it inside a {@code @Transactional} method rolls the transaction back, so a refused
 * request changes nothing.
 */
public class ApiProblem extends RuntimeException {

    public static final String TYPE_BASE = "https://fupin.org/problems/";

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors = new ArrayList<>();
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public record FieldError(String field, String message) {
    }

    public ApiProblem(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static ApiProblem validation(String field, String message) {
        return new ApiProblem(400, TYPE_BASE + "validation", "Invalid request", field + ": " + message)
                .withField(field, message);
    }

    public static ApiProblem validation(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid");
        ApiProblem p = new ApiProblem(400, TYPE_BASE + "validation", "Invalid request", detail);
        p.errors.addAll(errors);
        return p;
    }

    public static ApiProblem notFound(String entity, Object id) {
        return new ApiProblem(404, TYPE_BASE + "not-found", "Not found", entity + " " + id + " does not exist or is not visible to you.");
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, TYPE_BASE + "conflict", "Conflict", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, TYPE_BASE + "forbidden", "Forbidden", detail);
    }

    public static ApiProblem staleVersion(long current) {
        return new ApiProblem(412, TYPE_BASE + "stale-version", "Precondition failed",
                "The record changed since you read it; its current version is " + current + ". Read it again and retry.")
                .with("currentVersion", current).withField("If-Match");
    }

    public static ApiProblem preconditionRequired(String header) {
        return new ApiProblem(428, TYPE_BASE + "precondition-required", "Precondition required",
                "Send the " + header + " header with the ETag you read, so a concurrent change is not overwritten.")
                .withField(header);
    }

    public static ApiProblem unprocessable(String type, String title, String detail) {
        return new ApiProblem(422, TYPE_BASE + type, title, detail);
    }

    public ApiProblem withField(String field) {
        return withField(field, getMessage());
    }

    public ApiProblem withField(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public ApiProblem with(String key, Object value) {
        extensions.put(key, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
