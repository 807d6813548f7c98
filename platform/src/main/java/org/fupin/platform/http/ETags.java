package org.fupin.platform.http;

import jakarta.ws.rs.core.EntityTag;
import org.fupin.platform.problem.ApiProblem;

/** Optimistic concurrency over HTTP: the ETag is the aggregate version; updates must send it back in If-Match. */
public final class ETags {
    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * @throws ApiProblem 428 when If-Match is missing, 412 when it names another version
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiProblem.preconditionRequired("If-Match");
        }
        String value = ifMatch.trim();
        if (value.equals("*")) {
            return;
        }
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        if (!value.equals(Long.toString(currentVersion))) {
            throw ApiProblem.staleVersion(currentVersion);
        }
    }
}
