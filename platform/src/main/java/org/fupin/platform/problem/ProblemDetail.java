package org.fupin.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** The RFC 9457 body; {@code errors} names each wrong field. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetail(String type, String title, int status, String detail, String instance,
                            List<ApiProblem.FieldError> errors, @JsonAnyGetter Map<String, Object> extensions) {
    public static final String MEDIA_TYPE = "application/problem+json";
}
